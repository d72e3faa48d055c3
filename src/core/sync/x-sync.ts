import type { Account } from '../../shared';
import { XClient } from '../connectors/x/x-client';
import type { XTimeline } from '../connectors/x/x-client';
import { mapXPage, snowflakeTime } from '../connectors/x/x-mapper';
import { PlatformError } from '../connectors/platform-error';
import type { SyncContext } from './sync-context';
import {
  FILL_CURSOR,
  MENTIONS_WINDOW,
  fillMentionGaps,
  fillsCursor,
  readFills,
} from './x-gap-fill';
import type { FillRange } from './x-gap-fill';

/** X serves the 800 most recent mentions; as far back is enough of the account's own tweets. */
const MAX_PAGES = 8;

/**
 * One pass over an X account: its mentions and its own tweets (brand replies made elsewhere).
 *
 * Each timeline is read newest first from `since_id` (the `<timeline>` cursor) in a chain of pages.
 * Every page is stored before the chain's progress (`<timeline>:next`, `<timeline>:newest`) is
 * saved, so a 429 or a crash in the middle resumes at the page it stopped at instead of starting
 * over; `since_id` moves to the chain's newest id only when the chain is complete.
 *
 * X serves only the 800 most recent mentions: a chain that served that many, or that was paused
 * (more may have arrived meanwhile and pushed its older pages out), may have left mentions out
 * between `since_id` and the oldest it served. That stretch is noted for recent search to fill
 * (`x-gap-fill.ts`) in the commit that completes the chain.
 */
export async function syncXAccount(
  ctx: SyncContext,
  account: Account,
  token: string,
): Promise<void> {
  const client = new XClient(token, ctx.config.xBaseUrl, {
    timeoutMs: ctx.config.requestTimeoutMs,
  });
  let fetched = 0;
  fetched += await syncTimeline(ctx, client, account, 'mentions', fetched);
  if (ctx.signal.aborted) return;
  fetched += await fillMentionGaps(ctx, client, account, fetched);
  if (ctx.signal.aborted) return;
  await syncTimeline(ctx, client, account, 'tweets', fetched);
}

async function syncTimeline(
  ctx: SyncContext,
  client: XClient,
  account: Account,
  timeline: XTimeline,
  before: number,
): Promise<number> {
  const sinceId = await ctx.cursor(account.id, timeline);
  const phase = sinceId == null ? 'backfill' : 'poll';
  let next = await ctx.cursor(account.id, `${timeline}:next`);
  let newest = await ctx.cursor(account.id, `${timeline}:newest`);
  let pages = Number((await ctx.cursor(account.id, `${timeline}:pages`)) ?? 0);
  let count = Number((await ctx.cursor(account.id, `${timeline}:count`)) ?? 0);
  let oldest = await ctx.cursor(account.id, `${timeline}:oldest`);
  // When the chain's newest and oldest posts were made (epoch ms, as text).
  let newestAt = await ctx.cursor(account.id, `${timeline}:newest-at`);
  let oldestAt = await ctx.cursor(account.id, `${timeline}:oldest-at`);
  const resumed = next != null;
  // When the chain's first page was asked for: every post made before then, it has seen.
  const started = (await ctx.cursor(account.id, `${timeline}:started`)) ?? String(ctx.clock.now());
  let fetched = 0;
  const request = (token: string | null) => {
    const pending = client.timelinePage(timeline, account.externalId, {
      sinceId,
      paginationToken: token,
    });
    pending.catch(() => undefined); // seen when awaited; settled if the pass stops first
    return pending;
  };
  let pending = request(next);
  for (;;) {
    if (ctx.signal.aborted) return fetched;
    const page = await pending;
    newest ??= page.meta?.newest_id ?? null;
    next = page.meta?.next_token ?? null;
    pages += 1;
    const more = next != null && pages < MAX_PAGES;
    // The window is used up: pause at its reset (below) instead of running into a 429.
    const exhausted = page.rateLimit != null && page.rateLimit.remaining <= 0;
    // The next page is on its way while this one is stored.
    if (more && !exhausted) pending = request(next);
    const drafts = await mapXPage(page, account);
    count += drafts.length;
    oldest = page.meta?.oldest_id ?? oldest;
    if (drafts.length > 0) {
      newestAt ??= String(Date.parse(drafts[0]!.createdAt));
      oldestAt = String(Date.parse(drafts.at(-1)!.createdAt));
    }
    // The page's posts and where the chain stands now: one commit. Once the chain is read, the
    // timeline's cursor moves to the newest post it held.
    const cursors = more
      ? {
          [`${timeline}:next`]: next,
          [`${timeline}:newest`]: newest,
          [`${timeline}:pages`]: String(pages),
          [`${timeline}:count`]: String(count),
          [`${timeline}:oldest`]: oldest,
          [`${timeline}:newest-at`]: newestAt,
          [`${timeline}:oldest-at`]: oldestAt,
          [`${timeline}:started`]: started,
        }
      : {
          [timeline]: newest ?? sinceId,
          [`${timeline}:next`]: null,
          [`${timeline}:newest`]: null,
          [`${timeline}:pages`]: null,
          [`${timeline}:count`]: null,
          [`${timeline}:oldest`]: null,
          [`${timeline}:newest-at`]: null,
          [`${timeline}:oldest-at`]: null,
          [`${timeline}:started`]: null,
          // Where a gap below the next chain can start: when the post `since_id` names was made,
          // and when this chain began (nothing made before then is missing).
          ...(timeline === 'mentions'
            ? {
                ...(newestAt != null ? { [`${timeline}:at`]: newestAt } : {}),
                [`${timeline}:read-at`]: started,
              }
            : {}),
          ...(await windowGap(ctx, account, timeline, {
            sinceId,
            newest,
            oldest,
            count,
            resumed,
            newestAt,
            oldestAt,
          })),
        };
    await ctx.ingest(drafts, { accountId: account.id, cursors });
    fetched += drafts.length;
    ctx.progress(account, timeline, phase, before + fetched, false);
    if (!more) break;
    if (exhausted) {
      throw new PlatformError(
        'rate_limited',
        `X rate limit for ${timeline} used up`,
        new Date(page.rateLimit!.reset * 1000),
      );
    }
  }
  return fetched;
}

/**
 * The cursor change that notes the stretch a complete mentions chain may have left out (nothing
 * when the chain read everything since `since_id` for sure, or was the first backfill).
 */
async function windowGap(
  ctx: SyncContext,
  account: Account,
  timeline: XTimeline,
  chain: {
    sinceId: string | null;
    newest: string | null;
    oldest: string | null;
    count: number;
    resumed: boolean;
    newestAt: string | null;
    oldestAt: string | null;
  },
): Promise<Record<string, string | null>> {
  const { sinceId, newest, oldest, count, resumed } = chain;
  const timeOf = (at: string | null, id: string) => (at != null ? Number(at) : snowflakeTime(id));
  if (timeline !== 'mentions' || sinceId == null || newest == null || oldest == null) return {};
  const sure = count >= MENTIONS_WINDOW;
  if (!sure && !resumed) return {};
  const range: FillRange = {
    since: sinceId,
    until: oldest,
    sure,
    seen: count,
    found: 0,
    sinceMs: Math.max(
      timeOf(await ctx.cursor(account.id, `${timeline}:at`), sinceId),
      Number((await ctx.cursor(account.id, `${timeline}:read-at`)) ?? 0),
    ),
    untilMs: timeOf(chain.oldestAt, oldest),
    newestMs: timeOf(chain.newestAt, newest),
  };
  const fills = readFills(await ctx.cursor(account.id, FILL_CURSOR));
  return { [FILL_CURSOR]: fillsCursor([...fills, range]) };
}
