import { safeText } from './text';

/**
 * The names people give things in the inbox (agents, tags, saved views): what the contract accepts,
 * and when two names would read as the same one.
 *
 * A name is stored in Unicode NFC, so "é" typed as one character or as "e" plus an accent is one
 * name. A name must show at least one letter, digit, punctuation mark or symbol: one made only of
 * spaces, zero-width characters, bidi controls, variation selectors, fillers and the like would
 * draw as nothing. Control characters (line breaks, tabs) and the bidi embedding, override and
 * isolate controls, which reorder the text drawn after them, are refused anywhere in a name.
 */

/** Characters that draw nothing on their own (the Unicode default-ignorables include zero-width
 * spaces and joiners, bidi marks and controls, variation selectors, tag characters, the Hangul
 * fillers and the soft hyphen), plus the Braille blank, which looks like a space. */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** A character that draws something a reader can see. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** C0 and C1 control characters: a name is one line. */
const CONTROL = /\p{Cc}/u;
/** LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI: they reorder what follows them on screen. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** True when the name would draw as nothing (only spaces, invisible or ignorable characters). */
export function isInvisibleName(name: string): boolean {
  return !VISIBLE.test(name.replace(IGNORABLE, ''));
}

/**
 * The form two names are compared in to tell whether a reader could take one for the other:
 * compatibility-normalised (NFKC: fullwidth letters, ligatures and the like become plain ones),
 * without default-ignorable characters (zero-width, bidi controls, variation selectors), case-folded,
 * and without white space (a zero-width space reads as a space, a missing space goes unnoticed).
 * "Jan de Wit", "JAN DE WIT", "Jan de\u200BWit" and "Ｊａｎ ｄｅ Ｗｉｔ" all give "jandewit".
 */
export function confusableKey(name: string): string {
  const folded = name
    .normalize('NFKC')
    .replace(IGNORABLE, '')
    // Upper then lower case folds what lower case alone keeps apart (ß and SS, ς and σ).
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');
  return folded.replace(/\s+/gu, '');
}

/** Whether two names could be taken for one another (see confusableKey). */
export function areConfusable(a: string, b: string): boolean {
  return confusableKey(a) === confusableKey(b);
}

/** The first of `names` that could be taken for `name`, if any. */
export function confusableWith<T>(
  name: string,
  others: readonly T[],
  nameOf: (other: T) => string,
): T | undefined {
  const key = confusableKey(name);
  return others.find((other) => confusableKey(nameOf(other)) === key);
}

export interface NameRules {
  /** What the name is of, for the messages: "agent", "tag", "view". */
  what: string;
  max: number;
  /** The message when the name is empty (after trimming). */
  required?: string;
  /** The message when the name is too long. */
  tooLong?: string;
}

/**
 * The schema of a name: NFC, trimmed, within its length, visible, one line, no bidi controls. The
 * input and output are plain strings, so it composes like any string schema (`.optional()` …).
 */
export function nameSchema(rules: NameRules) {
  // Text first (no lone surrogate, no non-character), then the rules of a name.
  return safeText()
    .normalize('NFC')
    .trim()
    .min(1, { message: rules.required ?? `give the ${rules.what} a name`, abort: true })
    .max(rules.max, rules.tooLong ?? `the ${rules.what}'s name is at most ${rules.max} characters`)
    .refine((name) => !CONTROL.test(name), {
      message: `the ${rules.what}'s name is one line, without control characters`,
    })
    .refine((name) => !BIDI_CONTROL.test(name), {
      message: `the ${rules.what}'s name cannot contain bidi embedding, override or isolate controls`,
    })
    .refine((name) => !isInvisibleName(name), {
      message: `the ${rules.what}'s name needs at least one visible character (letters, digits or signs)`,
    });
}
