/**
 * What ties conversations into one story beside their words: the links they share (the expanded
 * address), their hashtags, the post they quote or answer, and their media. Each is a key; two
 * conversations with a key in common are in one story, whatever their languages.
 */

/** Links in a post's text (X's are expanded by the connector), up to a space or a closing mark. */
const LINK = /\bhttps?:\/\/[^\s<>"'`’”»)\]]+/giu;
/** Hashtags as replyWords leaves them out of the words. */
const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
/** Query parameters that say where a link was shared from, not what it is. */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|igshid|mc_\w+|si|s|t|ref|ref_src|feature)$/i;
/** A post on X by its address: `x.com/<user>/status/<id>` (or twitter.com). */
const X_STATUS = /^(?:mobile\.)?(?:x|twitter)\.com\/[^/]+\/status(?:es)?\/(\d+)/;

/** A link as one key whatever the form shared: host in lower case, no `www.`, no tracking, no `/` at the end. */
export function linkKey(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.replace(/[.,;:!?…]+$/u, ''));
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  const status = X_STATUS.exec(`${host}${path}`);
  if (status) return `post:x:${status[1]}`;
  if (host === 'youtu.be' && path.length > 1) return `url:youtube.com/watch?v=${path.slice(1)}`;
  const kept = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return `url:${host}${path}${query}`;
}

/** The keys of a post's text: its links and its hashtags (case and accents aside). */
export function textKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(LINK)) {
    const key = linkKey(m[0]);
    if (key != null) keys.push(key);
  }
  for (const m of text.matchAll(HASHTAG))
    keys.push(
      `tag:${(m[1] ?? '')
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')}`,
    );
  return keys;
}

/**
 * The keys of what a post points at beside its text: its own id, the post it quotes or answers (a
 * Facebook comment answers the Page post it sits under), its media.
 */
export function postKeys(post: {
  id: string;
  inReplyTo: string | null;
  quotes?: string;
  underPost?: string;
  media?: readonly string[];
}): string[] {
  const keys = [`post:${post.id}`];
  if (post.inReplyTo != null) keys.push(`post:${post.inReplyTo}`);
  if (post.quotes != null) keys.push(`post:${post.quotes}`);
  if (post.underPost != null) keys.push(`post:${post.underPost}`);
  for (const address of post.media ?? []) keys.push(linkKey(address) ?? `media:${address}`);
  return keys;
}
