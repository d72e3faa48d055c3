import { compareIds, snowflakeAt } from './ids';
import type { Scenario, XTweet, XUser } from './scenario';
import { listIn, sortByKey } from './sorted-list';
import { mentionedUsernames } from './x-text';

export interface StoredTweet extends XTweet {
  createdMs: number;
}

/**
 * X's side of a scenario, indexed: users by id and username; tweets by id, by author, by username
 * mentioned and by the tweet they reply to or quote, each list oldest first and read from its end.
 * With `liveRelease`, a tweet dated in the future stays invisible until its time comes, so a shifted
 * scenario can keep mentions arriving while the demo runs.
 */
export class XStore {
  private readonly users = new Map<string, XUser>();
  private readonly usernames = new Map<string, XUser>();
  private readonly tweets = new Map<string, StoredTweet>();
  private readonly tokens = new Map<string, string>();
  /** The highest tweet id, released or not. */
  private newestId: string | undefined;
  /** Tweets by author and by lowercased username mentioned, oldest first (by id), released or not. */
  private readonly byAuthor = new Map<string, StoredTweet[]>();
  private readonly byMention = new Map<string, StoredTweet[]>();
  /** Tweets replying to a tweet, and quoting one, by that tweet's id. */
  private readonly replies = new Map<string, StoredTweet[]>();
  private readonly quotes = new Map<string, StoredTweet[]>();

  constructor(
    scenario: Scenario,
    /** The emulator's clock, epoch milliseconds. */
    readonly now: () => number,
    private readonly liveRelease: boolean,
  ) {
    for (const user of scenario.x.users) {
      this.users.set(user.id, user);
      this.usernames.set(user.username.toLowerCase(), user);
    }
    for (const account of scenario.x.accounts)
      this.tokens.set(account.access_token, account.user_id);
    for (const tweet of scenario.x.tweets)
      this.tweets.set(tweet.id, { ...tweet, createdMs: Date.parse(tweet.created_at) });
    // Newest first as X orders them, ids compared as numbers; then read from the end.
    const newestFirst = [...this.tweets.values()];
    sortByKey(
      newestFirst,
      (t) => BigInt(t.id),
      (a, b) => (b < a ? -1 : b > a ? 1 : 0),
    );
    for (let i = newestFirst.length - 1; i >= 0; i--) this.index(newestFirst[i]!);
  }

  /** Adds a tweet, newer than every tweet indexed before it, to the timelines and references. */
  private index(tweet: StoredTweet): void {
    this.newestId = tweet.id;
    listIn(this.byAuthor, tweet.author_id).push(tweet);
    for (const username of mentionedUsernames(tweet.text))
      listIn(this.byMention, username).push(tweet);
    if (tweet.in_reply_to !== undefined) listIn(this.replies, tweet.in_reply_to).push(tweet);
    if (tweet.quotes !== undefined) listIn(this.quotes, tweet.quotes).push(tweet);
  }

  /** The newest `limit` visible tweets of an oldest-first list, newest first. */
  private newest(list: StoredTweet[] | undefined, limit: number): StoredTweet[] {
    const found: StoredTweet[] = [];
    for (let i = (list?.length ?? 0) - 1; i >= 0 && found.length < limit; i--)
      if (this.isReleased(list![i]!)) found.push(list![i]!);
    return found;
  }

  /** The account a bearer token belongs to, or null. */
  userIdForToken(token: string): string | null {
    return this.tokens.get(token) ?? null;
  }

  /** Makes a token unusable from now on (a revoked authorisation). */
  revokeToken(token: string): boolean {
    return this.tokens.delete(token);
  }

  user(id: string): XUser | null {
    return this.users.get(id) ?? null;
  }

  userByUsername(username: string): XUser | null {
    return this.usernames.get(username.toLowerCase()) ?? null;
  }

  /** A tweet visible now, or null. */
  tweet(id: string): StoredTweet | null {
    const tweet = this.tweets.get(id);
    return tweet && this.isReleased(tweet) ? tweet : null;
  }

  private isReleased(tweet: StoredTweet): boolean {
    return !this.liveRelease || tweet.createdMs <= this.now();
  }

  /** Visible tweets mentioning `@username` of the user, newest first: the `limit` newest. */
  mentionsOf(userId: string, limit = Infinity): StoredTweet[] {
    const user = this.users.get(userId);
    if (!user) return [];
    return this.newest(this.byMention.get(user.username.toLowerCase()), limit);
  }

  /** Visible tweets written by the user, newest first: the `limit` newest. */
  tweetsBy(userId: string, limit = Infinity): StoredTweet[] {
    return this.newest(this.byAuthor.get(userId), limit);
  }

  /** Visible tweets created at or after `fromMs`, newest first (what recent search reads). */
  recentTweets(fromMs: number): StoredTweet[] {
    const found = [...this.tweets.values()].filter(
      (t) => t.createdMs >= fromMs && this.isReleased(t),
    );
    return found.sort((a, b) => compareIds(b.id, a.id));
  }

  /** The newest visible tweet of a user, for `most_recent_tweet_id`. */
  mostRecentTweetId(userId: string): string | null {
    return this.newest(this.byAuthor.get(userId), 1)[0]?.id ?? null;
  }

  /** Id of the root of the reply chain; a chain broken by a missing tweet ends at the missing id. */
  conversationId(tweet: StoredTweet): string {
    let current: string = tweet.id;
    let parent = tweet.in_reply_to;
    const seen = new Set<string>([current]);
    while (parent !== undefined && !seen.has(parent)) {
      seen.add(parent);
      current = parent;
      parent = this.tweets.get(parent)?.in_reply_to;
    }
    return current;
  }

  /** Author of the tweet this one replies to, when X would know it. */
  inReplyToUserId(tweet: StoredTweet): string | null {
    if (tweet.in_reply_to === undefined) return null;
    return this.tweets.get(tweet.in_reply_to)?.author_id ?? null;
  }

  /** Visible replies and quotes of a tweet, for public_metrics when the scenario gives no count. */
  countReferences(id: string): { replies: number; quotes: number } {
    const visible = (list: StoredTweet[] | undefined) =>
      list?.reduce((n, t) => (this.isReleased(t) ? n + 1 : n), 0) ?? 0;
    return { replies: visible(this.replies.get(id)), quotes: visible(this.quotes.get(id)) };
  }

  /** A new X user (someone the scenario did not know), for an arrival made during a test. */
  addUser(input: Pick<XUser, 'username' | 'name' | 'followers_count'>): XUser {
    const known = this.userByUsername(input.username);
    if (known) return known;
    const user: XUser = {
      ...input,
      id: snowflakeAt(this.now(), this.users.size + 1),
      verified: false,
      following_count: 0,
      tweet_count: 0,
    };
    this.users.set(user.id, user);
    this.usernames.set(user.username.toLowerCase(), user);
    return user;
  }

  /** Posts a new tweet now; its id is a snowflake of the current instant, above every existing id. */
  addTweet(input: Omit<XTweet, 'id' | 'created_at'>): StoredTweet {
    const nowMs = this.now();
    let id = snowflakeAt(nowMs);
    const newest = this.newestId;
    if (newest !== undefined && compareIds(id, newest) <= 0) id = (BigInt(newest) + 1n).toString();
    const tweet: StoredTweet = {
      ...input,
      id,
      created_at: new Date(nowMs).toISOString(),
      createdMs: nowMs,
    };
    this.tweets.set(id, tweet);
    this.index(tweet);
    return tweet;
  }
}
