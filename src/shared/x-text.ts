/** X's limit for a post, in weighted characters. */
export const X_MAX_LENGTH = 280;

/** Code point ranges X counts as one character; everything else (CJK, emoji…) counts as two. */
const LIGHT: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
/** Any link counts as this many characters, whatever its length (it is shortened to t.co). */
const URL_LENGTH = 23;
const URL = /https?:\/\/[^\s]+/g;

/**
 * The length X gives a text (twitter-text v3 configuration): links count 23, characters in the
 * light ranges count 1, others 2. Used to show how much room a reply has left.
 */
export function xWeightedLength(text: string): number {
  let length = 0;
  const rest = text.normalize('NFC').replace(URL, () => {
    length += URL_LENGTH;
    return '';
  });
  for (const char of rest) {
    const code = char.codePointAt(0)!;
    length += LIGHT.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
  }
  return length;
}
