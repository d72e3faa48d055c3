import type { Account } from '../../shared';
import { XClient } from '../connectors/x/x-client';
import type { XTimeline } from '../connectors/x/x-client';
import { mapXPage } from '../connectors/x/x-mapper';
import type { DraftPost } from '../triage/threading';
import type { SyncContext } from './sync-context';

/** X serves the 800 most recent mentions; the account's own tweets go further back than we need. */
const MAX_PAGES: Record<XTimeline, number> = { mentions: 8, tweets: 8 };

/**
 * One pass over an X account: mentions and the account's own tweets since the cursors, merged so a
 * brand reply and the customer's answer to it thread together, stored, then the cursors advance.
 */
export async function syncXAccount(
  ctx: SyncContext,
  account: Account,
  token: string,
): Promise<void> {
  const client = new XClient(token, ctx.config.xBaseUrl);
  const drafts: DraftPost[] = [];
  const newest: Partial<Record<XTimeline, string>> = {};
  for (const timeline of ['mentions', 'tweets'] as const) {
    const sinceId = ctx.workspace.cursor(account.id, timeline);
    let paginationToken: string | null = null;
    for (let page = 0; page < MAX_PAGES[timeline]; page++) {
      if (ctx.signal.aborted) return;
      const result = await client.timelinePage(timeline, account.externalId, {
        sinceId,
        paginationToken,
      });
      if (page === 0 && result.meta?.newest_id) newest[timeline] = result.meta.newest_id;
      drafts.push(...mapXPage(result, account));
      ctx.progress(account, timeline, sinceId == null ? 'backfill' : 'poll', drafts.length, false);
      paginationToken = result.meta?.next_token ?? null;
      if (!paginationToken) break;
    }
  }
  await ctx.ingest(drafts);
  for (const timeline of ['mentions', 'tweets'] as const) {
    const id = newest[timeline];
    if (id) await ctx.workspace.setCursor(account.id, timeline, id);
    ctx.progress(account, timeline, 'poll', drafts.length, true);
  }
}
