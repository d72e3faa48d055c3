import type { Account } from '../../shared';
import { GraphClient } from '../connectors/facebook/graph-client';
import type { GraphComment, GraphPagePost } from '../connectors/facebook/graph-client';
import { COMMENT_FIELDS, mapComment } from '../connectors/facebook/graph-mapper';
import { PlatformError } from '../connectors/platform-error';
import { isoOf } from '../time/clock';
import { sleep } from './backoff';
import type { SyncContext } from './sync-context';

/** How far back the Page's posts are read for comments at every pass. */
const POST_HORIZON_DAYS = 30;
const MAX_POSTS = 200;
/**
 * Older posts are reached by a reconciliation sweep: the whole feed (up to `MAX_SWEEP_POSTS`) with
 * each post's `updated_time`, which Graph moves when someone comments on the post; the posts whose
 * time moved since the last sweep have their new comments read. At most one sweep every few minutes.
 */
const SWEEP_EVERY_MS = 5 * 60_000;
const MAX_SWEEP_POSTS = 5000;
/** How far the platform's clock may be behind ours when `updated_time` is compared with a sweep. */
const SWEEP_MARGIN_MS = 2 * 60_000;
const FEED_FIELDS =
  'id,message,created_time,updated_time,permalink_url,comments.filter(stream).limit(0).summary(true)';
/** Share of a Graph budget from which calls are spaced out, and at which they stop until it recovers. */
const SLOW_DOWN_AT = 75;
const PAUSE_AT = 95;

/**
 * Slows down before Graph's limit (its usage headers say how close it is) and pauses at it, after
 * storing what was fetched, rather than running into error 4/17/32.
 */
async function paceGraph(
  client: GraphClient,
  ctx: SyncContext,
  store: () => Promise<void>,
): Promise<void> {
  if (client.usage >= PAUSE_AT) {
    await store();
    const minutes = Math.max(client.regainMinutes, 10);
    throw new PlatformError(
      'rate_limited',
      `Facebook usage at ${client.usage}% of its limit: pausing`,
      new Date(ctx.clock.now() + minutes * 60_000),
    );
  }
  if (client.usage >= SLOW_DOWN_AT) await sleep(1000, ctx.signal);
}

/** Comments stored (and checkpointed) together: a few pages, so a long backfill is not fsync-bound. */
const STORE_BATCH = 500;
/** Posts whose comments are fetched at the same time. */
const CONCURRENT_POSTS = 2;

/**
 * One pass over a Facebook Page: its recent posts, then each post's comments and replies
 * (`filter=stream`) since that post's cursor.
 */
export async function syncFacebookPage(
  ctx: SyncContext,
  account: Account,
  token: string,
): Promise<void> {
  const client = new GraphClient(token, ctx.config.graphBaseUrl, ctx.config.graphVersion, {
    appSecret: ctx.config.graphAppSecret,
    timeoutMs: ctx.config.requestTimeoutMs,
  });
  const passStartMs = ctx.clock.now();
  const horizon = Math.floor(passStartMs / 1000) - POST_HORIZON_DAYS * 86_400;
  const posts: GraphPagePost[] = [];
  for await (const batch of client.list<GraphPagePost>(`${account.externalId}/feed`, {
    // The comment count of each post, so progress can be shown against an estimate.
    fields: FEED_FIELDS,
    limit: 100,
    since: horizon,
  })) {
    posts.push(...batch);
    if (posts.length >= MAX_POSTS || ctx.signal.aborted) break;
  }
  const sweep = await olderActivePosts(ctx, client, account, horizon, passStartMs);
  const recent = new Set(posts.map((p) => p.id));
  const older = sweep?.posts.filter((p) => !recent.has(p.id)) ?? [];

  let fetched = 0;
  const estimated =
    posts.reduce((sum, p) => sum + (p.comments?.summary?.total_count ?? 0), 0) || null;
  const phase = (await ctx.cursor(account.id, 'feed')) == null ? 'backfill' : 'poll';

  // Batches are stored one after the other, in the order they were fetched, while fetching goes on.
  let storing: Promise<void> = Promise.resolve();
  const store = (postId: string, batch: GraphComment[]): Promise<void> => {
    const stream = `comments:${postId}`;
    const done = fetched;
    const stored = storing.then(async () => {
      const newest = Math.max(...batch.map((c) => Math.floor(Date.parse(c.created_time) / 1000)));
      const place = { pagePostId: postId };
      await ctx.ingest(await Promise.all(batch.map((c) => mapComment(c, account, place))), {
        accountId: account.id,
        cursors: { [stream]: String(newest) },
      });
      ctx.progress(account, 'comments', phase, done, false, estimated);
    });
    storing = stored;
    return stored;
  };

  /**
   * One post's comments and replies since its cursor, stored in batches of a few pages; then the
   * post's cursor moves to the batch's newest comment (`since` is inclusive: overlaps are deduped).
   * Oldest first, so parents come before replies.
   */
  const syncPost = async (post: GraphPagePost): Promise<void> => {
    const stream = `comments:${post.id}`;
    // An older post first reached by a sweep: its comments since the activity the sweep looks at.
    const since =
      (await ctx.cursor(account.id, stream)) ??
      (sweep && !recent.has(post.id) ? String(Math.floor(sweep.sinceMs / 1000)) : null);
    let buffered: GraphComment[] = [];
    let previous: Promise<void> = Promise.resolve();
    const flush = async (): Promise<void> => {
      await previous; // at most one batch of this post waits to be stored
      if (buffered.length === 0) return;
      previous = store(post.id, buffered);
      previous.catch(() => undefined); // seen by the next flush, or the one in finally
      buffered = [];
    };
    try {
      for await (const page of client.list<GraphComment>(`${post.id}/comments`, {
        filter: 'stream',
        order: 'chronological',
        fields: COMMENT_FIELDS.join(','),
        limit: 100,
        since: since ?? undefined,
      })) {
        buffered.push(...page);
        fetched += page.length;
        if (buffered.length >= STORE_BATCH) await flush();
        if (ctx.signal.aborted || failed) break;
        await paceGraph(client, ctx, async () => {
          await flush();
          await previous;
        });
      }
    } finally {
      // What was fetched is stored even when the pass stops; a failed store is reported here.
      await flush();
      await previous;
    }
  };

  // A few posts are read at once, so the platform works on one while the inbox stores another.
  const queue = [...posts.slice(0, MAX_POSTS), ...older];
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let post = queue.shift(); post; post = queue.shift()) {
      if (ctx.signal.aborted || failed) return;
      try {
        await syncPost(post);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: CONCURRENT_POSTS }, () => worker()),
  );
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  if (ctx.signal.aborted) return;
  await ctx.moveCursors({
    accountId: account.id,
    cursors: {
      feed: isoOf(ctx.clock),
      ...(sweep ? { sweep: new Date(passStartMs).toISOString() } : {}),
    },
  });
  ctx.progress(account, 'comments', phase, fetched, true, estimated);
}

/**
 * The reconciliation sweep, when one is due: the Page's posts older than the horizon whose
 * `updated_time` moved since the last sweep (less a margin for the clocks), or, at the first sweep,
 * within the horizon. Null when the last sweep is too recent.
 */
async function olderActivePosts(
  ctx: SyncContext,
  client: GraphClient,
  account: Account,
  horizonSeconds: number,
  nowMs: number,
): Promise<{ posts: GraphPagePost[]; sinceMs: number } | null> {
  const last = await ctx.cursor(account.id, 'sweep');
  const lastMs = last === null ? null : Date.parse(last);
  if (lastMs !== null && nowMs - lastMs < SWEEP_EVERY_MS) return null;
  const sinceMs = lastMs === null ? horizonSeconds * 1000 : lastMs - SWEEP_MARGIN_MS;
  const posts: GraphPagePost[] = [];
  let seen = 0;
  for await (const batch of client.list<GraphPagePost>(`${account.externalId}/feed`, {
    fields: FEED_FIELDS,
    limit: 100,
  })) {
    seen += batch.length;
    for (const post of batch) {
      const created = Date.parse(post.created_time);
      const updated = post.updated_time ? Date.parse(post.updated_time) : created;
      if (created < horizonSeconds * 1000 && updated >= sinceMs) posts.push(post);
    }
    if (seen >= MAX_SWEEP_POSTS || ctx.signal.aborted) break;
  }
  return { posts, sinceMs };
}
