import { z } from 'zod';
import type { Account, SyncGap } from '../../shared';
import { PlatformError } from '../connectors/platform-error';
import type { XClient } from '../connectors/x/x-client';
import { mapXPage } from '../connectors/x/x-mapper';
import type { SyncContext } from './sync-context';

/** X serves only an account's 800 most recent mentions. */
export const MENTIONS_WINDOW = 800;
/** How far back recent search reaches, less a minute so a request made now is still inside it. */
const SEARCH_REACH_MS = 7 * 86_400_000 - 60_000;
/** The cursor holding the stretches of mentions still to fetch from recent search. */
export const FILL_CURSOR = 'mentions:fill';
/** Until when search's rate window is used up (epoch ms): the fill waits, polling goes on. */
const FILL_AFTER = 'mentions:fill-after';
/** X's windows last 15 minutes, when a 429 does not say when it ends. */
const WINDOW_MS = 15 * 60_000;

/**
 * A stretch of mentions the mentions timeline may no longer serve: those after `since` and before
 * `until` (ids, both exclusive). `until` moves down as search pages are stored.
 */
const FillRangeSchema = z.object({
  since: z.string(),
  until: z.string(),
  /** The timeline's window was full: mentions are missing unless search finds them. */
  sure: z.boolean(),
  /** Mentions the timeline served above the stretch, and how many search has found in it. */
  seen: z.number().int().nonnegative(),
  found: z.number().int().nonnegative(),
  /**
   * Where the stretch starts (when the last mention read below it was made, or when the chain that
   * read it began, whichever is later), when the oldest mention read above it was made (search's
   * included), and when the newest served above it was made (epoch ms).
   */
  sinceMs: z.number(),
  untilMs: z.number(),
  newestMs: z.number(),
});
export type FillRange = z.infer<typeof FillRangeSchema>;

/** The stretches still to fill, oldest first; a cursor that cannot be read holds none. */
export function readFills(text: string | null): FillRange[] {
  if (text == null) return [];
  try {
    return z.array(FillRangeSchema).parse(JSON.parse(text));
  } catch {
    return [];
  }
}

export function fillsCursor(fills: readonly FillRange[]): string | null {
  return fills.length === 0 ? null : JSON.stringify(fills);
}

/** The query recent search is asked: the account's mentions, as its mentions timeline holds them. */
export function mentionsQuery(account: Account): string {
  return `@${account.handle.replace(/^@/, '')}`;
}

/**
 * Fills the stretches of mentions the timeline's window left out from recent search, oldest
 * stretch first, a page at a time: each page's mentions and where the stretch now stands are one
 * commit, so a pause or a crash resumes where it stopped, and a mention stored twice is stored
 * once. Search has its own rate window: once it is used up (or search answers 429) the fill waits
 * for its reset while the mentions timeline goes on being polled. What search cannot reach (older than 7 days) or refuses to look for
 * is recorded as a gap with about how many mentions it holds, in the commit that gives it up.
 */
export async function fillMentionGaps(
  ctx: SyncContext,
  client: XClient,
  account: Account,
  before: number,
): Promise<number> {
  let fills = readFills(await ctx.cursor(account.id, FILL_CURSOR));
  let fetched = 0;
  const after = Number((await ctx.cursor(account.id, FILL_AFTER)) ?? 0);
  if (fills.length === 0 || ctx.clock.now() < after) return 0;
  while (fills.length > 0) {
    if (ctx.signal.aborted) return fetched;
    const range = fills[0]!;
    const edgeMs = ctx.clock.now() - SEARCH_REACH_MS;
    const beyond = range.sinceMs < edgeMs;
    if (range.untilMs <= edgeMs) {
      // All of it is older than search reaches.
      fills = fills.slice(1);
      const gap = range.sure ? gapOf(account, range, 'beyond-search', ctx.clock.now()) : null;
      await ctx.moveCursors({
        accountId: account.id,
        cursors: { [FILL_CURSOR]: fillsCursor(fills) },
        ...(gap ? { gaps: [gap] } : {}),
      });
      continue;
    }
    let page;
    try {
      page = await client.searchRecentPage(mentionsQuery(account), {
        untilId: range.until,
        ...(beyond ? { startTime: new Date(edgeMs).toISOString() } : { sinceId: range.since }),
      });
    } catch (err) {
      if (err instanceof PlatformError && err.kind === 'rate_limited') {
        const resume = err.resumeAt(ctx.clock.now())?.getTime() ?? ctx.clock.now() + WINDOW_MS;
        await ctx.moveCursors({ accountId: account.id, cursors: { [FILL_AFTER]: String(resume) } });
        return fetched;
      }
      const refused = err instanceof PlatformError && ['rejected', 'permission'].includes(err.kind);
      if (!refused) throw err;
      // Search is not open to this app (its access level, a 403) or refused the request (400): the
      // stretch is given up, and polling goes on as before.
      fills = fills.slice(1);
      const gap = range.sure ? gapOf(account, range, 'search-refused', ctx.clock.now()) : null;
      await ctx.moveCursors({
        accountId: account.id,
        cursors: { [FILL_CURSOR]: fillsCursor(fills) },
        ...(gap ? { gaps: [gap] } : {}),
      });
      continue;
    }
    const drafts = await mapXPage(page, account);
    const oldest = page.meta?.oldest_id;
    const done = page.meta?.next_token == null || oldest == null;
    const moved = {
      ...range,
      found: range.found + drafts.length,
      until: oldest ?? range.until,
      untilMs: drafts.length > 0 ? Date.parse(drafts.at(-1)!.createdAt) : range.untilMs,
    };
    let gap: SyncGap | null = null;
    if (done) {
      fills = fills.slice(1);
      if (beyond && (range.sure || moved.found > 0))
        gap = gapOf(account, moved, 'beyond-search', ctx.clock.now(), edgeMs);
    } else fills = [moved, ...fills.slice(1)];
    // The window is used up: the rest waits for its reset instead of running into a 429.
    const exhausted: Record<string, string> =
      fills.length > 0 && page.rateLimit != null && page.rateLimit.remaining <= 0
        ? { [FILL_AFTER]: String(page.rateLimit.reset * 1000) }
        : {};
    await ctx.ingest(drafts, {
      accountId: account.id,
      cursors: { [FILL_CURSOR]: fillsCursor(fills), ...exhausted },
      ...(gap ? { gaps: [gap] } : {}),
    });
    fetched += drafts.length;
    ctx.progress(account, 'mentions', 'poll', before + fetched, false);
    if (FILL_AFTER in exhausted) return fetched;
  }
  return fetched;
}

/**
 * The gap a stretch leaves once search has given what it could: from the last mention read
 * before it to where search stopped (the oldest mention it found, or its 7-day edge). How many
 * mentions it holds is estimated from the rate of those read above it.
 */
function gapOf(
  account: Account,
  range: FillRange,
  reason: SyncGap['reason'],
  nowMs: number,
  edgeMs?: number,
): SyncGap {
  const { sinceMs } = range;
  const lowMs = Math.max(sinceMs, edgeMs ?? range.untilMs);
  const observedMs = Math.max(1, range.newestMs - lowMs);
  const rate = (range.seen + range.found) / observedMs;
  return {
    id: `${account.id}:mentions:${range.since}`,
    accountId: account.id,
    stream: 'mentions',
    since: new Date(sinceMs).toISOString(),
    until: new Date(lowMs).toISOString(),
    missing: Math.max(1, Math.round(rate * (lowMs - sinceMs))),
    reason,
    recordedAt: new Date(nowMs).toISOString(),
  };
}
