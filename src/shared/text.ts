import { z } from 'zod';

/**
 * What free text may not hold: a lone UTF-16 surrogate (half of a character: it cannot be written as
 * UTF-8, hashed in canonical JSON, or shown) and the Unicode non-characters (U+FDD0–U+FDEF and every
 * U+xFFFE, U+xFFFF), which are for a program's internal use, never for interchange.
 */
const NOT_TEXT = /[\p{Cs}\p{Noncharacter_Code_Point}]/u;

export const NOT_TEXT_MESSAGE =
  'contains a character that is not text (half of a surrogate pair, or a Unicode non-character)';

/** Whether a string is text the inbox can store, record and show as it is. */
export function isSafeText(text: string): boolean {
  return !NOT_TEXT.test(text);
}

/**
 * A string schema for free text that users type (names, notes, tags, replies, search): the contract
 * refuses what is not text with bad_request, before anything is stored. Chain the field's own rules
 * after it: `safeText().trim().min(1).max(80)`.
 */
export function safeText(): z.ZodString {
  return z.string().refine(isSafeText, { error: NOT_TEXT_MESSAGE });
}
