import { languageName } from './format';
import type { Words } from '../i18n/translate';

/** The ISO 639-1 languages (two-letter codes) the language pickers offer. */
export const ISO_639_1 = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da ' +
  'de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy ' +
  'hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg ' +
  'li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or ' +
  'os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta ' +
  'te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

export interface LanguageOption {
  code: string;
  /** The language's name in the UI's language: "Dutch", "Néerlandais". */
  name: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The languages to choose from, by name in the UI's language: the ISO 639-1 ones and any other
 * code given (one already chosen, a language seen in the inbox), each once, sorted by name.
 */
export function languageOptions(words: Words, also: readonly string[] = []): LanguageOption[] {
  const extra = also.map((c) => c.toLowerCase());
  const codes = [...new Set([...ISO_639_1, ...extra])];
  return (
    codes
      .map((code) => ({ code, name: languageName(code, words) }))
      // A code the browser cannot name is offered only when it is already in use.
      .filter((o) => o.name !== o.code.toUpperCase() || extra.includes(o.code))
      .sort((a, b) => a.name.localeCompare(b.name, words.locale))
  );
}

/**
 * The options a typed text finds: its code exactly first, then names that start with it, then
 * names with a word that starts with it (case and accents aside). Nothing typed: all of them.
 */
export function findLanguages(options: readonly LanguageOption[], typed: string): LanguageOption[] {
  const q = fold(typed.trim());
  if (q === '') return [...options];
  const code = options.filter((o) => o.code === q);
  const starts = options.filter((o) => o.code !== q && fold(o.name).startsWith(q));
  const words = options.filter(
    (o) =>
      o.code !== q &&
      !fold(o.name).startsWith(q) &&
      fold(o.name)
        .split(/[^\p{L}]+/u)
        .some((w) => w.startsWith(q)),
  );
  return [...code, ...starts, ...words];
}
