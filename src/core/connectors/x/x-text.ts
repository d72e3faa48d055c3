import twitterText from 'twitter-text';

/** X escapes `&`, `<` and `>` in tweet text; this undoes it (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeXText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What these functions read of a tweet: its text and the links of its `entities`. */
export interface ServedTweet {
  text: string;
  entities?: {
    urls?: ReadonlyArray<{ url?: string; expanded_url?: string; unwound_url?: string }>;
  };
}

/**
 * A tweet's text as its author wrote it: unescaped, each `https://t.co/…` link replaced by the link
 * it stands for (`entities.urls`: the unwound URL when X gives one, else the expanded one).
 */
export function displayText(tweet: ServedTweet): string {
  let text = unescapeXText(tweet.text);
  for (const link of tweet.entities?.urls ?? []) {
    const full = link.unwound_url ?? link.expanded_url;
    if (link.url && full) text = text.split(link.url).join(full);
  }
  return text;
}

/** A link as compared: a scheme when it has none (as X adds one), scheme and host in lower case, no trailing `/`. */
function linkKey(url: string): string {
  const full = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  const at = full.indexOf('/', full.indexOf('//') + 2);
  const head = (at < 0 ? full : full.slice(0, at)).toLowerCase();
  const rest = at < 0 ? '' : full.slice(at);
  return `\u2060${head}${rest.replace(/\/+$/, '')}\u2060`;
}

/** Text compared by its words: Unicode NFC, runs of white space as one space, trimmed. */
function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The shape of a reply's text as we wrote it, to recognise it once X has served it back: its words,
 * and each link (as twitter-text finds them, the way X does) as X will list it in `expanded_url`.
 */
export function textShape(written: string): string {
  let text = '';
  let from = 0;
  for (const { url, indices } of twitterText.extractUrlsWithIndices(written)) {
    text += written.slice(from, indices[0]) + linkKey(url);
    from = indices[1];
  }
  return normalise(text + written.slice(from));
}

/** The shape of a tweet's text as X served it: unescaped, each t.co link as the link it stands for. */
export function servedShape(tweet: ServedTweet): string {
  let text = unescapeXText(tweet.text);
  for (const link of tweet.entities?.urls ?? [])
    if (link.url) text = text.split(link.url).join(linkKey(link.expanded_url ?? link.url));
  return normalise(text);
}
