import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { InboxService } from '../src/core/service';
import { EXPANSIONS, TWEET_FIELDS, USER_FIELDS } from '../src/core/connectors/x/x-client';
import { COMMENT_FIELDS } from '../src/core/connectors/facebook/graph-mapper';
import { tempDir } from '../src/core/test/fixtures';
import { BRAND_X, PAGE, connectAll, smallScenario } from '../src/core/test/scenario';
import type { Figure } from './figure';

const X_MENTIONS = 800; // all X serves
const FB_COMMENTS = Number(process.env.BENCH_COMMENTS ?? 9200);

/** The same pages sync reads, fetched and parsed, nothing stored: the floor sync is measured against. */
async function rawFetch(xBase: string, graphBase: string): Promise<number> {
  let items = 0;
  const xHeaders = { authorization: `Bearer ${BRAND_X.token}` };
  for (const timeline of ['mentions', 'tweets']) {
    let token: string | undefined;
    for (let page = 0; page < 8; page++) {
      const q = new URLSearchParams({
        max_results: '100',
        'tweet.fields': TWEET_FIELDS.join(','),
        'user.fields': USER_FIELDS.join(','),
        expansions: EXPANSIONS.join(','),
        ...(token ? { pagination_token: token } : {}),
      });
      const body = (await (
        await fetch(`${xBase}/2/users/${BRAND_X.id}/${timeline}?${q}`, { headers: xHeaders })
      ).json()) as {
        data?: unknown[];
        meta?: { next_token?: string };
      };
      items += body.data?.length ?? 0;
      token = body.meta?.next_token;
      if (!token) break;
    }
  }
  const gHeaders = { authorization: `Bearer ${PAGE.token}` };
  const feed = (await (
    await fetch(`${graphBase}/v21.0/${PAGE.id}/feed?fields=id&limit=100`, { headers: gHeaders })
  ).json()) as {
    data: { id: string }[];
  };
  for (const post of feed.data) {
    let url: string | undefined =
      `${graphBase}/v21.0/${post.id}/comments?filter=stream&order=chronological&limit=100&fields=${COMMENT_FIELDS.join(',')}`;
    while (url) {
      const body = (await (await fetch(url, { headers: gHeaders })).json()) as {
        data: unknown[];
        paging?: { next?: string };
      };
      items += body.data.length;
      url = body.data.length > 0 ? body.paging?.next : undefined;
    }
  }
  return items;
}

/** Page posts the generated comments spread over, as on a Page that posts every few days. */
const FB_POSTS = 12;

export async function syncBench(): Promise<Figure[]> {
  const base = smallScenario();
  const firstPost = base.facebook.posts[0]!;
  const posts = Array.from({ length: FB_POSTS - 1 }, (_, i) => ({
    id: `${PAGE.id}_${6001 + i}`,
    page_id: PAGE.id,
    message: `Post ${i + 1} of the bench Page.`,
    // Spread over the days before the first generated comment.
    created_time: new Date(
      Date.parse(firstPost.created_time) - FB_COMMENTS * 60_000 - (i + 1) * 8 * 3_600_000,
    ).toISOString(),
  }));
  const scenario = {
    ...base,
    facebook: { ...base.facebook, posts: [...base.facebook.posts, ...posts] },
    synthetic: { x_mentions: X_MENTIONS, facebook_comments: FB_COMMENTS, seed: 7 },
  };
  const worker = new Worker(new URL('./emulator-worker.mjs', import.meta.url), {
    workerData: {
      scenario,
      port: 0,
      rateLimits: { 'GET /2/users/:id/mentions': 10_000, 'GET /2/users/:id/tweets': 10_000 },
      graphBudget: { appCallsPerHour: 1_000_000, pageCallsPerDay: 100_000_000 },
    },
  });
  const emulator = await new Promise<{ xBaseUrl: string; graphBaseUrl: string }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  const { dir, cleanup } = await tempDir('inbox-bench-');
  try {
    await rawFetch(emulator.xBaseUrl, emulator.graphBaseUrl); // warm up
    const r0 = performance.now();
    const rawLoop = performance.eventLoopUtilization();
    const items = await rawFetch(emulator.xBaseUrl, emulator.graphBaseUrl);
    const rawMs = performance.now() - r0;
    const rawBusy = performance.eventLoopUtilization(rawLoop).active;

    const service = await InboxService.open({
      dataDir: dir,
      xBaseUrl: emulator.xBaseUrl,
      graphBaseUrl: emulator.graphBaseUrl,
    });
    const { x, fb } = await connectAll(service);
    const s0 = performance.now();
    const syncLoop = performance.eventLoopUtilization();
    await service.syncAccountOnce(x.id);
    await service.syncAccountOnce(fb.id);
    const syncMs = performance.now() - s0;
    const syncBusy = performance.eventLoopUtilization(syncLoop).active;
    const stored = (await service.listConversations({ limit: 1 })).total;
    await service.close();
    console.error(
      `backfill: ${items} items fetched raw in ${rawMs.toFixed(0)} ms (main thread busy ${rawBusy.toFixed(0)} ms); ` +
        `sync stored ${stored} conversations in ${syncMs.toFixed(0)} ms (main thread busy ${syncBusy.toFixed(0)} ms)`,
    );
    return [
      {
        name: `backfill ${items} mentions + comments`,
        value: syncMs,
        unit: 'ms',
        budget: 60_000,
      },
      {
        name: 'backfill / raw fetch of the same pages',
        value: syncMs / rawMs,
        unit: 'ratio',
        budget: 1.5,
      },
    ];
  } finally {
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('exit', resolve));
    await cleanup();
  }
}
