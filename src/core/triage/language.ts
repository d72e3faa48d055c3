import type { eld } from 'eld/medium';

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

type Detector = typeof eld;

let detector: Promise<Detector> | null = null;

/**
 * The detector, imported the first time a post needs it: its language data costs some 150 MB of
 * memory, which a hub or a desktop app does not pay at start, nor at all while every post comes
 * with the platform's own tag. A failed import is not kept: the next post tries again.
 */
function loadDetector(): Promise<Detector> {
  detector ??= import('eld/medium').then(
    (loaded) => {
      loaded.eld.setLanguageSubset(DETECTED_LANGUAGES);
      return loaded.eld;
    },
    (err: unknown) => {
      detector = null;
      throw err;
    },
  );
  return detector;
}

const noise = /https?:\/\/\S+|[@#][\p{L}\p{N}_]+/gu;

/**
 * The post's language: the platform's own tag when it has a real one (X `lang`), else detected from
 * the text. Null when the text is too short or too ambiguous to tell. Neither of the first two
 * answers loads the detector.
 */
export async function languageOf(
  text: string,
  platformTag?: string | null,
): Promise<string | null> {
  if (platformTag != null && /^[a-z]{2,3}$/.test(platformTag) && platformTag !== 'und') {
    return platformTag;
  }
  const clean = text.replace(noise, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length < 12) return null;
  const found = (await loadDetector()).detect(clean).language;
  return found === '' ? null : found;
}
