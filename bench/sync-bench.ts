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

/**
 * How long a call to the platforms takes over the internet, for the ratio that has a budget: the
 * round trip and the platform's own time. X and Graph usually take a few hundred ms; 150 ms is
 * kept low on purpose, since the lower it is, the larger the store's share of a backfill.
 */
const PLATFORM_LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);

interface Backfill {
  items: number;
  stored: number;
  rawMs: number;
  rawBusy: number;
  syncMs: number;
  syncBusy: number;
}

/**
 * A backfill of the same pages on loopback, against the raw fetch, and again with each API call
 * taking PLATFORM_LATENCY_MS: on loopback the pages cost nothing to fetch, so that ratio is the
 * store's and the sync's own CPU against parsing alone, which no network backfill sees.
 */
export async function syncBench(): Promise<Figure[]> {
  const loopback = await backfill(0);
  const online = await backfill(PLATFORM_LATENCY_MS);
  return [
    {
      name: `backfill ${loopback.items} mentions + comments`,
      value: loopback.syncMs,
      unit: 'ms',
      budget: 60_000,
      note: `on loopback: ${loopback.stored} conversations stored`,
    },
    {
      name: 'backfill / raw fetch of the same pages, on loopback',
      value: loopback.syncMs / loopback.rawMs,
      unit: 'ratio',
      budget: null,
      note: `raw fetch ${Math.round(loopback.rawMs)} ms (main thread busy ${Math.round(loopback.rawBusy)} ms), backfill ${Math.round(loopback.syncMs)} ms (busy ${Math.round(loopback.syncBusy)} ms): what sync adds per item (threading, language, rules, the store's indexes and search), with pages that cost nothing to fetch`,
    },
    {
      name: `backfill / raw fetch of the same pages, ${PLATFORM_LATENCY_MS} ms per API call`,
      value: online.syncMs / online.rawMs,
      unit: 'ratio',
      budget: 1.5,
      note: `raw fetch ${Math.round(online.rawMs)} ms, backfill ${Math.round(online.syncMs)} ms; each API call held ${PLATFORM_LATENCY_MS} ms by the emulator, as over the internet`,
    },
  ];
}

async function backfill(latencyMs: number): Promise<Backfill> {
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
      latencyMs,
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

    // The raw fetch is timed warm (above); so is the sync: a first backfill into a folder of its own
    // loads what sync loads once per process (the language detector, the code on its path).
    const warm = await tempDir('inbox-bench-warm-');
    try {
      const warmService = await InboxService.open({
        dataDir: warm.dir,
        xBaseUrl: emulator.xBaseUrl,
        graphBaseUrl: emulator.graphBaseUrl,
      });
      const accounts = await connectAll(warmService);
      await warmService.syncAccountOnce(accounts.x.id);
      await warmService.syncAccountOnce(accounts.fb.id);
      await warmService.close();
    } finally {
      await warm.cleanup();
    }

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
      `backfill, ${latencyMs} ms per API call: ${items} items fetched raw in ${rawMs.toFixed(0)} ms (main thread busy ${rawBusy.toFixed(0)} ms); ` +
        `sync stored ${stored} conversations in ${syncMs.toFixed(0)} ms (main thread busy ${syncBusy.toFixed(0)} ms)`,
    );
    return { items, stored, rawMs, rawBusy, syncMs, syncBusy };
  } finally {
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('exit', resolve));
    await cleanup();
  }
}
