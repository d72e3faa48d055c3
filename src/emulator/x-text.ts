/** A recognised `@handle` or `#tag` with X's indices: code points, start inclusive, end exclusive. */
export interface TextEntity {
  start: number;
  end: number;
  value: string;
}

const MENTION = /(^|[^A-Za-z0-9_!#$%&*@＠])[@＠]([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@＠])/g;
const HASHTAG = /(^|[^\p{L}\p{N}_&])[#＃]([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

/** Index in code points of a UTF-16 offset, as X counts entity positions. */
export function codePointIndex(text: string, utf16Offset: number): number {
  let count = 0;
  for (let i = 0; i < utf16Offset; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16Offset) i++;
    count++;
  }
  return count;
}

function scan(text: string, pattern: RegExp, maxLength: number): TextEntity[] {
  const found: TextEntity[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[2]!;
    if (value.length > maxLength) continue;
    const at = match.index + match[1]!.length;
    const start = codePointIndex(text, at);
    const end = start + 1 + [...value].length;
    found.push({ start, end, value });
  }
  return found;
}

/** The `@username` mentions in a tweet's text (usernames up to 15 characters). */
export function mentionsIn(text: string): TextEntity[] {
  return scan(text, MENTION, 15);
}

/** The `#hashtags` in a tweet's text. */
export function hashtagsIn(text: string): TextEntity[] {
  return scan(text, HASHTAG, 139);
}

/** The usernames a tweet mentions, lowercased, each once: `mentionsIn` without the positions. */
export function mentionedUsernames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION))
    if (match[2]!.length <= 15) names.add(match[2]!.toLowerCase());
  return [...names];
}
