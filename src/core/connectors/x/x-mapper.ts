import type { TweetV2, UserV2 } from 'twitter-api-v2';
import type { Author } from '../../../shared';
import type { DraftPost } from '../../triage/threading';
import { languageOf } from '../../triage/language';
import { sentimentOf } from '../../triage/sentiment';
import type { XPage } from './x-client';
import { displayText } from './x-text';

export function xPostId(tweetId: string): string {
  return `x:${tweetId}`;
}

export function xAuthor(user: UserV2 | undefined, authorId: string): Author {
  return {
    id: authorId,
    handle: user?.username ?? null,
    name: user?.name ?? user?.username ?? authorId,
    followers: user?.public_metrics?.followers_count ?? null,
    verified: user?.verified ?? false,
    avatarUrl: user?.profile_image_url ?? null,
  };
}

/**
 * Maps one page of tweets to draft posts. A tweet by the account itself is an outbound brand post;
 * seen through the timeline it was made outside this inbox (our own replies come from the outbox).
 */
export function mapXPage(
  page: XPage,
  account: { id: string; externalId: string },
): Promise<DraftPost[]> {
  const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
  return Promise.all((page.data ?? []).map((tweet) => mapTweet(tweet, users, account)));
}

/** X ids are snowflakes: their upper bits are the creation time, in ms since X's epoch. */
const X_EPOCH_MS = 1288834974657n;
export function snowflakeTime(id: string): number {
  try {
    return Number((BigInt(id) >> 22n) + X_EPOCH_MS);
  } catch {
    return 0;
  }
}

async function mapTweet(
  tweet: TweetV2,
  users: Map<string, UserV2>,
  account: { id: string; externalId: string },
): Promise<DraftPost> {
  const authorId = tweet.author_id ?? 'unknown';
  const user = users.get(authorId);
  const outbound = authorId === account.externalId;
  const parent = tweet.referenced_tweets?.find((r) => r.type === 'replied_to');
  const quoted = tweet.referenced_tweets?.find((r) => r.type === 'quoted');
  const text = displayText(tweet);
  const language = await languageOf(text, tweet.lang);
  return {
    id: xPostId(tweet.id),
    platform: 'x',
    externalId: tweet.id,
    accountId: account.id,
    author: xAuthor(user, authorId),
    text,
    language,
    sentiment: outbound ? null : sentimentOf(text, language),
    createdAt: new Date(tweet.created_at ?? snowflakeTime(tweet.id)).toISOString(),
    permalink: `https://x.com/${user?.username ?? 'i/web'}/status/${tweet.id}`,
    // X stopped reporting the posting app (`source`) in December 2022: no X post carries one.
    sourceApp: null,
    direction: outbound ? 'outbound' : 'inbound',
    private: false,
    sentBy: null,
    client: null,
    outside: outbound,
    hidden: false,
    parentId: parent ? xPostId(parent.id) : null,
    ...(quoted ? { quotes: xPostId(quoted.id) } : {}),
  };
}
