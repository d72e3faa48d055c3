import { createHash } from 'node:crypto';
import twitterText from 'twitter-text';
import { codePointIndex } from './x-text';

/** A link as X lists it in `entities.urls`: indices in code points of the served text. */
export interface UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
}

/** A tweet's text as X serves it, before HTML escaping: every link replaced by its t.co URL. */
export interface ServedText {
  text: string;
  urls: UrlEntity[];
}

const T_CO = 'https://t.co/';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** X shortens `display_url` past this many characters, ending it with an ellipsis. */
const DISPLAY_MAX = 25;

/** A t.co path of 10 characters, the same for the same tweet, position and link. */
function shortCode(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
  return code;
}

function displayOf(expanded: string): string {
  const bare = expanded.replace(/^https?:\/\//i, '');
  return [...bare].length > DISPLAY_MAX ? `${[...bare].slice(0, DISPLAY_MAX).join('')}…` : bare;
}

/**
 * The text X serves for `raw` (as written by its author): each link twitter-text recognises (with
 * or without a scheme) is replaced by a `https://t.co/…` URL, listed with the link it stands for.
 * The indices count code points in the text before it is HTML-escaped, as X counts them.
 */
export function shortenLinks(raw: string, seed: string): ServedText {
  const found = twitterText.extractUrlsWithIndices(raw);
  if (found.length === 0) return { text: raw, urls: [] };
  let text = '';
  let from = 0;
  const urls: UrlEntity[] = [];
  found.forEach((link, i) => {
    const [startUnit, endUnit] = link.indices;
    text += raw.slice(from, startUnit);
    const url = `${T_CO}${shortCode(`${seed}:${i}:${link.url}`)}`;
    const start = codePointIndex(text, text.length);
    text += url;
    const expanded = /^https?:\/\//i.test(link.url) ? link.url : `http://${link.url}`;
    urls.push({
      start,
      end: start + url.length,
      url,
      expanded_url: expanded,
      display_url: displayOf(expanded),
    });
    from = endUnit;
  });
  text += raw.slice(from);
  return { text, urls };
}

/** X's HTML escaping of tweet text: `&`, `<` and `>` only (quotes are left as they are). */
export function escapeTweetText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A tweet's length as X weighs it (twitter-text: CJK and emoji count 2, any link 23). */
export function weightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}
