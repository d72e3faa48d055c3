import { createHash } from 'node:crypto';
import { snowflakeAt } from './ids';
import { parseScenario } from './scenario';
import type { ScenarioInput } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { TWEET_EXPANSIONS, TWEET_FIELDS, USER_FIELDS } from './x-fields';

/**
 * A scenario with generated mentions and comments and a fixed set of requests over them, so a spec
 * can pin what the emulator serves (ids, order, pages, fields) at a size where it matters.
 */

const ANCHOR_MS = Date.parse('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const tweetAt = (ms: number) => snowflakeAt(ms);

export const PROBE = {
  brand: { id: '1000000000000000001', token: 'probe-x-token-brand' },
  page: { id: '200000000000001', token: 'probe-page-token-0001' },
  otherPage: { id: '200000000000002', token: 'probe-page-token-0002' },
  /** The first and second generated X users (`fan_0001`, `fan_0002`). */
  fans: ['7000000000000000001', '7000000000000000002'],
  broadcast: tweetAt(ANCHOR_MS - 5 * HOUR),
  root: tweetAt(ANCHOR_MS - 3 * HOUR),
};

const MARIE = '3000000000000000001';
const JAN = '3000000000000000002';
const POST = (n: number, page = PROBE.page.id) => `${page}_${5000 + n}`;

/** The probe's scenario: a few hand-written items and `mentions` + `comments` generated ones. */
export function probeScenario(mentions: number, comments: number, seed: number): ScenarioInput {
  const { brand, page, otherPage, broadcast, root } = PROBE;
  const reply = tweetAt(ANCHOR_MS - 2 * HOUR);
  return {
    name: 'generated-probe',
    anchor: iso(ANCHOR_MS),
    x: {
      accounts: [{ user_id: brand.id, access_token: brand.token }],
      users: [
        { id: brand.id, username: 'CafeAurore', name: 'Café Aurore', verified: true },
        { id: MARIE, username: 'marie_l', name: 'Marie L.', followers_count: 240 },
        { id: JAN, username: 'jan_nieuws', name: 'Jan de Vries', followers_count: 650_000 },
      ],
      tweets: [
        {
          id: broadcast,
          author_id: brand.id,
          text: 'Autumn menu!',
          created_at: iso(ANCHOR_MS - 5 * HOUR),
        },
        {
          id: root,
          author_id: MARIE,
          text: '@CafeAurore Ma commande était froide.',
          created_at: iso(ANCHOR_MS - 3 * HOUR),
          lang: 'fr',
        },
        {
          id: reply,
          author_id: brand.id,
          text: '@marie_l Désolés !',
          created_at: iso(ANCHOR_MS - 2 * HOUR),
          in_reply_to: root,
        },
        {
          id: tweetAt(ANCHOR_MS - HOUR),
          author_id: MARIE,
          text: '@CafeAurore Merci #remboursement',
          created_at: iso(ANCHOR_MS - HOUR),
          in_reply_to: reply,
        },
        {
          id: tweetAt(ANCHOR_MS - 30 * 60_000),
          author_id: JAN,
          text: '@CafeAurore @marie_l Klopt het?',
          created_at: iso(ANCHOR_MS - 30 * 60_000),
          quotes: broadcast,
        },
        {
          id: tweetAt(ANCHOR_MS - 3 * DAY),
          author_id: JAN,
          text: '@CafeAurore see my deleted tweet',
          created_at: iso(ANCHOR_MS - 3 * DAY),
          in_reply_to: '1234567890123456789',
        },
        // Dated apart from their ids: visible from their dates, placed by their ids.
        {
          id: tweetAt(ANCHOR_MS - 2 * DAY - HOUR),
          author_id: MARIE,
          text: '@CafeAurore out of step',
          created_at: iso(ANCHOR_MS - DAY),
        },
        {
          id: tweetAt(ANCHOR_MS - 3 * HOUR - 30 * 60_000),
          author_id: JAN,
          text: '@CafeAurore early bird',
          created_at: iso(ANCHOR_MS - 2 * DAY - 30 * 60_000),
        },
        {
          id: tweetAt(ANCHOR_MS + 20 * 60_000),
          author_id: JAN,
          text: '@CafeAurore still live?',
          created_at: iso(ANCHOR_MS + 20 * 60_000),
        },
      ],
    },
    facebook: {
      pages: [
        { id: page.id, name: 'Café Aurore', access_token: page.token },
        { id: otherPage.id, name: 'Aurore Pro', access_token: otherPage.token },
      ],
      users: [
        { id: '4000000001', name: 'Klaus Becker' },
        { id: '4000000002', name: 'Giulia Rossi' },
      ],
      posts: [
        {
          id: POST(1),
          page_id: page.id,
          message: 'Our statement.',
          created_time: iso(ANCHOR_MS - 5 * DAY),
        },
        {
          id: POST(2),
          page_id: page.id,
          message: 'New menu.',
          created_time: iso(ANCHOR_MS - 3 * DAY),
        },
        {
          id: POST(3, otherPage.id),
          page_id: otherPage.id,
          message: 'Pro offer.',
          created_time: iso(ANCHOR_MS - 2 * DAY),
        },
        {
          id: POST(4),
          page_id: page.id,
          message: 'Opening hours.',
          created_time: iso(ANCHOR_MS - 6 * HOUR),
        },
        {
          id: POST(5),
          page_id: page.id,
          message: 'Coming soon.',
          created_time: iso(ANCHOR_MS + HOUR),
        },
      ],
      comments: [
        {
          id: '5002_9001',
          post_id: POST(2),
          from_id: '4000000001',
          message: 'Warum so spät?',
          created_time: iso(ANCHOR_MS - 2 * DAY - HOUR),
          like_count: 2,
        },
        {
          id: '5002_9002',
          post_id: POST(2),
          parent_id: '5002_9001',
          from_id: page.id,
          message: 'Sorry!',
          created_time: iso(ANCHOR_MS - 2 * DAY),
        },
        {
          id: '5002_9003',
          post_id: POST(2),
          from_id: '4000000002',
          message: 'Later.',
          created_time: iso(ANCHOR_MS - DAY),
          is_hidden: true,
        },
        // A reply dated before its parent: shown only once the parent is.
        {
          id: '5002_9004',
          post_id: POST(2),
          parent_id: '5002_9003',
          from_id: '4000000001',
          message: 'Early.',
          created_time: iso(ANCHOR_MS - 3 * DAY + HOUR),
        },
        {
          id: '5004_9005',
          post_id: POST(4),
          from_id: '4000000002',
          message: 'Live one.',
          created_time: iso(ANCHOR_MS + 10 * 60_000),
        },
      ],
    },
    synthetic: { x_mentions: mentions, facebook_comments: comments, seed },
  };
}

const X_QUERY = new URLSearchParams({
  'tweet.fields': TWEET_FIELDS.join(','),
  'user.fields': USER_FIELDS.join(','),
  expansions: TWEET_EXPANSIONS.join(','),
}).toString();
const COMMENT_FIELDS =
  'id,message,created_time,from,parent{id},comment_count,like_count,is_hidden,permalink_url,can_reply_privately,object,comments.limit(2).summary(true){id}';

/** The answers to the probe's requests, each body as sent with the emulator's origin blanked. */
export async function probeAnswers(emulator: Emulator): Promise<Array<[string, string]>> {
  const answers: Array<[string, string]> = [];
  const get = async (label: string, url: string, token: string) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    answers.push([label, `${res.status} ${text.replaceAll(emulator.url, 'http://emulator')}`]);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const x = (label: string, path: string) =>
    get(label, `${emulator.xBaseUrl}/2/${path}`, PROBE.brand.token);
  const graph = (label: string, path: string, token = PROBE.page.token) =>
    get(label, `${emulator.graphBaseUrl}/v21.0/${path}`, token);

  const mentions = `users/${PROBE.brand.id}/mentions?max_results=100&${X_QUERY}`;
  let body = await x('mentions 1', mentions);
  const middle = (body.data as Array<{ id: string }> | undefined)?.[50]?.id;
  for (let page = 2; typeof meta(body).next_token === 'string'; page++)
    body = await x(`mentions ${page}`, `${mentions}&pagination_token=${meta(body).next_token}`);
  if (typeof meta(body).previous_token === 'string')
    await x('mentions previous', `${mentions}&pagination_token=${meta(body).previous_token}`);
  if (middle !== undefined) {
    await x('mentions until', `${mentions.replace('=100', '=5')}&until_id=${middle}`);
    await x('mentions since', `${mentions}&since_id=${middle}`);
  }
  const window = `start_time=${iso(ANCHOR_MS - 2 * DAY).replace('.000', '')}&end_time=${iso(ANCHOR_MS - DAY).replace('.000', '')}`;
  await x('mentions window', `${mentions}&${window}`);
  await x('brand tweets', `users/${PROBE.brand.id}/tweets?max_results=100&${X_QUERY}`);
  await x('brand tweets no replies', `users/${PROBE.brand.id}/tweets?exclude=replies&${X_QUERY}`);
  for (const fan of PROBE.fans) {
    await x(`fan ${fan} tweets`, `users/${fan}/tweets?max_results=100&${X_QUERY}`);
    await x(
      `fan ${fan}`,
      `users/${fan}?expansions=most_recent_tweet_id&user.fields=${USER_FIELDS.join(',')}&tweet.fields=public_metrics,conversation_id`,
    );
  }
  await x(
    'brand',
    `users/${PROBE.brand.id}?expansions=most_recent_tweet_id&user.fields=most_recent_tweet_id,public_metrics&tweet.fields=public_metrics`,
  );
  await x('broadcast', `tweets/${PROBE.broadcast}?${X_QUERY}`);
  await x('root', `tweets/${PROBE.root}?${X_QUERY}`);

  for (const { id, token } of [PROBE.page, PROBE.otherPage]) {
    const feedQuery =
      'fields=id,message,created_time,updated_time,comments.limit(2).summary(true){id,created_time}&limit=2';
    let feed = await graph(`feed ${id}`, `${id}/feed?${feedQuery}`, token);
    const posts = feed.data as Array<{ id: string }>;
    for (let n = 2; nextOf(feed) !== null; n++) {
      feed = await get(`feed ${id} ${n}`, nextOf(feed)!, token);
      posts.push(...(feed.data as Array<{ id: string }>));
    }
    for (const post of posts) {
      const list = `${post.id}/comments?limit=100&summary=true&fields=${COMMENT_FIELDS}`;
      for (const filter of ['stream', 'toplevel']) {
        const first = await graph(`${post.id} ${filter} 1`, `${list}&filter=${filter}`, token);
        const next = nextOf(first);
        if (next !== null) {
          const second = await get(`${post.id} ${filter} 2`, next, token);
          const previous = (second.paging as { previous?: string } | undefined)?.previous;
          if (previous) await get(`${post.id} ${filter} 2 previous`, previous, token);
        }
        const last = await graph(
          `${post.id} ${filter} last`,
          `${list}&filter=${filter}&order=reverse_chronological`,
          token,
        );
        if (nextOf(last) !== null)
          await get(`${post.id} ${filter} before last`, nextOf(last)!, token);
      }
      const since = Math.floor((ANCHOR_MS - 2 * DAY) / 1000);
      await graph(
        `${post.id} range`,
        `${list}&filter=stream&since=${since}&until=${since + 6 * 3600}`,
        token,
      );
      const top = (
        (
          await graph(
            `${post.id} node`,
            `${post.id}?fields=id,updated_time,comments.summary(true).filter(stream){id}`,
            token,
          )
        ).comments as { data: Array<{ id: string }> } | undefined
      )?.data[0];
      if (top) await graph(`${top.id} node`, `${top.id}?fields=${COMMENT_FIELDS}`, token);
    }
  }
  return answers;
}

function meta(body: Record<string, unknown>): Record<string, unknown> {
  return (body.meta as Record<string, unknown> | undefined) ?? {};
}

function nextOf(body: Record<string, unknown>): string | null {
  return (body.paging as { next?: string } | undefined)?.next ?? null;
}

/** SHA-256 of a text, hex, first 16 digits: enough to tell two answers apart. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** How the spec runs the probe: served as written, or released as a clock two days before the anchor. */
export const PROBE_RUNS = {
  'as written': { liveRelease: false, nowMs: ANCHOR_MS + HOUR },
  'two days before the anchor': { liveRelease: true, nowMs: ANCHOR_MS - 2 * DAY },
} as const;

/** Starts the emulator on the probe scenario, answers every probe request, closes it. */
export async function runProbe(
  run: keyof typeof PROBE_RUNS,
  size: { mentions: number; comments: number; seed: number },
): Promise<{ scenario: string; answers: Array<[string, string]> }> {
  const { liveRelease, nowMs } = PROBE_RUNS[run];
  const emulator = await startEmulator({
    scenario: parseScenario(probeScenario(size.mentions, size.comments, size.seed)),
    port: 0,
    shiftToNow: false,
    liveRelease,
    now: () => nowMs,
    rateLimits: { 'GET /2/users/:id/mentions': 10_000, 'GET /2/users/:id/tweets': 10_000 },
  });
  try {
    return { scenario: JSON.stringify(emulator.scenario), answers: await probeAnswers(emulator) };
  } finally {
    await emulator.close();
  }
}
