import type { XUser } from './scenario';
import { notFoundError } from './x-problems';
import type { Projection } from './x-query';
import type { StoredTweet, XStore } from './x-store';
import { escapeTweetText, shortenLinks } from './x-links';
import type { ServedText } from './x-links';
import { hashtagsIn, mentionsIn } from './x-text';

type Json = Record<string, unknown>;

const DEFAULT_PROFILE_IMAGE =
  'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png';
const iso = (ms: number) => new Date(ms).toISOString();

const served = new WeakMap<StoredTweet, ServedText>();

/** A tweet's text as X serves it before escaping (links as t.co), worked out once per tweet. */
export function servedText(tweet: StoredTweet): ServedText {
  let text = served.get(tweet);
  if (!text) {
    text = shortenLinks(tweet.text, tweet.id);
    served.set(tweet, text);
  }
  return text;
}

/** The `text` X sends for a tweet: links as t.co URLs, then `&`, `<`, `>` HTML-escaped. */
export function tweetText(tweet: StoredTweet): string {
  return escapeTweetText(servedText(tweet).text);
}

/**
 * A tweet as X serves it: id, text and edit_history_tweet_ids, plus each requested field it has.
 * `source` is accepted but never served: X stopped filling it in December 2022.
 */
export function renderTweet(store: XStore, tweet: StoredTweet, fields: Set<string>): Json {
  const out: Json = { id: tweet.id, text: tweetText(tweet), edit_history_tweet_ids: [tweet.id] };
  const has = (name: string) => fields.has(name);
  if (has('author_id')) out.author_id = tweet.author_id;
  if (has('created_at')) out.created_at = iso(tweet.createdMs);
  if (has('lang')) out.lang = tweet.lang;
  if (has('conversation_id')) out.conversation_id = store.conversationId(tweet);
  if (has('in_reply_to_user_id')) {
    const user = store.inReplyToUserId(tweet);
    if (user !== null) out.in_reply_to_user_id = user;
  }
  if (has('referenced_tweets')) {
    const refs = referencesOf(tweet);
    if (refs.length > 0) out.referenced_tweets = refs;
  }
  if (has('entities')) {
    const entities = entitiesOf(store, servedText(tweet));
    if (entities) out.entities = entities;
  }
  if (has('public_metrics')) {
    const counted = store.countReferences(tweet.id);
    out.public_metrics = {
      retweet_count: tweet.retweet_count,
      reply_count: Math.max(tweet.reply_count, counted.replies),
      like_count: tweet.like_count,
      quote_count: Math.max(tweet.quote_count, counted.quotes),
      bookmark_count: 0,
      impression_count: 0,
    };
  }
  if (has('possibly_sensitive')) out.possibly_sensitive = false;
  if (has('reply_settings')) out.reply_settings = 'everyone';
  if (has('edit_controls')) {
    out.edit_controls = {
      edits_remaining: 5,
      is_edit_eligible: false,
      editable_until: iso(tweet.createdMs + 60 * 60_000),
    };
  }
  return out;
}

function referencesOf(tweet: StoredTweet): Array<{ type: string; id: string }> {
  const refs: Array<{ type: string; id: string }> = [];
  if (tweet.quotes !== undefined) refs.push({ type: 'quoted', id: tweet.quotes });
  if (tweet.in_reply_to !== undefined) refs.push({ type: 'replied_to', id: tweet.in_reply_to });
  return refs;
}

function entitiesOf(store: XStore, { text, urls }: ServedText): Json | null {
  const entities: Json = {};
  if (urls.length > 0) entities.urls = urls;
  const mentions = mentionsIn(text).map((m) => {
    const user = store.userByUsername(m.value);
    return { start: m.start, end: m.end, username: m.value, ...(user ? { id: user.id } : {}) };
  });
  const hashtags = hashtagsIn(text).map((h) => ({ start: h.start, end: h.end, tag: h.value }));
  if (mentions.length > 0) entities.mentions = mentions;
  if (hashtags.length > 0) entities.hashtags = hashtags;
  return Object.keys(entities).length > 0 ? entities : null;
}

/** A user as X serves it: id, name and username, plus each requested field it has. */
export function renderUser(store: XStore, user: XUser, fields: Set<string>): Json {
  const out: Json = { id: user.id, name: user.name, username: user.username };
  const has = (name: string) => fields.has(name);
  if (has('created_at') && user.created_at !== undefined)
    out.created_at = iso(Date.parse(user.created_at));
  if (has('description')) out.description = user.description ?? '';
  if (has('location') && user.location !== undefined) out.location = user.location;
  if (has('profile_image_url'))
    out.profile_image_url = user.profile_image_url ?? DEFAULT_PROFILE_IMAGE;
  if (has('protected')) out.protected = false;
  if (has('url')) out.url = '';
  if (has('verified')) out.verified = user.verified;
  if (has('verified_type')) out.verified_type = user.verified ? 'blue' : 'none';
  if (has('public_metrics')) {
    out.public_metrics = {
      followers_count: user.followers_count,
      following_count: user.following_count,
      tweet_count: user.tweet_count,
      listed_count: 0,
      like_count: 0,
    };
  }
  if (has('most_recent_tweet_id')) {
    const id = store.mostRecentTweetId(user.id);
    if (id !== null) out.most_recent_tweet_id = id;
  }
  return out;
}

/**
 * The `includes` of an answer about `tweets` (users and referenced tweets the expansions ask for) and
 * the `errors` for referenced tweets X could not find.
 */
export function expandTweets(
  store: XStore,
  tweets: StoredTweet[],
  projection: Projection,
): { includes?: Json; errors?: Json[] } {
  const { expansions } = projection;
  const userIds: string[] = [];
  const referenced = new Map<string, StoredTweet>();
  const errors: Json[] = [];
  const addUser = (id: string | null | undefined) => {
    if (id != null && !userIds.includes(id) && store.user(id)) userIds.push(id);
  };
  for (const tweet of tweets) {
    if (expansions.has('author_id')) addUser(tweet.author_id);
    if (expansions.has('in_reply_to_user_id')) addUser(store.inReplyToUserId(tweet));
    if (expansions.has('entities.mentions.username'))
      for (const m of mentionsIn(tweet.text)) addUser(store.userByUsername(m.value)?.id);
    if (
      expansions.has('referenced_tweets.id') ||
      expansions.has('referenced_tweets.id.author_id')
    ) {
      for (const ref of referencesOf(tweet)) {
        const found = store.tweet(ref.id);
        if (!found) {
          if (!errors.some((e) => e.resource_id === ref.id))
            errors.push(notFoundError('tweet', 'referenced_tweets.id', ref.id));
          continue;
        }
        if (expansions.has('referenced_tweets.id')) referenced.set(found.id, found);
        if (expansions.has('referenced_tweets.id.author_id')) addUser(found.author_id);
      }
    }
  }
  const includes: Json = {};
  if (userIds.length > 0)
    includes.users = userIds.map((id) => renderUser(store, store.user(id)!, projection.userFields));
  if (referenced.size > 0)
    includes.tweets = [...referenced.values()].map((t) =>
      renderTweet(store, t, projection.tweetFields),
    );
  return {
    ...(Object.keys(includes).length > 0 ? { includes } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}
