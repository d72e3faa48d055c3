import { eld } from 'eld/medium';

/** Languages the detector chooses among: the ones our customers write in. */
export const DETECTED_LANGUAGES = [
  'fr',
  'en',
  'de',
  'nl',
  'es',
  'it',
  'pt',
  'pl',
  'sv',
  'da',
  'tr',
];
eld.setLanguageSubset(DETECTED_LANGUAGES);

const noise = /https?:\/\/\S+|[@#][\p{L}\p{N}_]+/gu;

/**
 * The post's language: the platform's own tag when it has a real one (X `lang`), else detected from
 * the text. Null when the text is too short or too ambiguous to tell.
 */
export function languageOf(text: string, platformTag?: string | null): string | null {
  if (platformTag != null && /^[a-z]{2,3}$/.test(platformTag) && platformTag !== 'und') {
    return platformTag;
  }
  const clean = text.replace(noise, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length < 12) return null;
  const found = eld.detect(clean).language;
  return found === '' ? null : found;
}
