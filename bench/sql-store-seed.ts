import type { AuditFact, Conversation, ListConversationsInput, Post } from '../src/shared';
import { conversation, post } from '../src/core/test/fixtures';
import type { SqliteStore } from '../src/core/store/sql/sqlite-store';

export const AGENTS = Array.from({ length: 20 }, (_, i) => `agent-${i}`);
export const TAGS = [
  'billing',
  'delay',
  'refund',
  'vip',
  'bug',
  'praise',
  'press',
  'legal',
  'coupon',
  'app',
  'store',
  'crisis',
];
const LANGS = ['fr', 'en', 'de', 'nl', 'es', 'it', 'pt'];
const ACCOUNTS = ['x:brand', 'x:support', 'facebook:page'];
const WORDS = [
  'coffee',
  'cold',
  'refund',
  'order',
  'late',
  'card',
  'loyalty',
  'café',
  'lait',
  'bestellung',
  'pedido',
  'store',
  'app',
  'crash',
  'apology',
];
const STATUSES = [
  'new',
  'new',
  'new',
  'new',
  'open',
  'open',
  'pending',
  'done',
  'done',
  'spam',
] as const;
const PRIORITIES = [
  'low',
  'normal',
  'normal',
  'normal',
  'normal',
  'normal',
  'normal',
  'high',
  'high',
  'urgent',
] as const;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The end of the seeded history (the bench's clock stands a day later). */
export const END = Date.UTC(2026, 9, 31);
/**
 * Two years of history: a million conversations is what a small team's inbox holds after two
 * years at about 1,400 a day (see `arrivalCurve`).
 */
const DAYS = 730;
export const START = END - DAYS * DAY;
/** Where a kept store (BENCH_SQL_DIR) was seeded by this version of the seed. */
export const SEED_VERSION = 3;

/** Arrivals by hour of the day (UTC, a European brand): quiet nights, busy days and evenings. */
const HOURLY = [
  0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6, 1.7, 1.6, 1.5, 1.4, 1.4, 1.5, 1.7,
  1.8, 1.6, 1.2, 0.8, 0.4,
];
/** By day of the week, Sunday first: weekends are quieter. */
const WEEKLY = [0.7, 1, 1, 1, 1, 1, 0.8];

/**
 * How arrivals spread over the history, hour by hour (cumulated): the daily and weekly rhythms,
 * and an audience that grows (half again as many conversations a day at the end as at the start).
 */
const arrivalCurve = (() => {
  const hours = DAYS * 24;
  const weight = new Float64Array(hours);
  const cumulated = new Float64Array(hours + 1);
  for (let h = 0; h < hours; h++) {
    const at = START + h * HOUR;
    weight[h] =
      HOURLY[new Date(at).getUTCHours()]! *
      WEEKLY[new Date(at).getUTCDay()]! *
      (1 + (0.5 * h) / hours);
    cumulated[h + 1] = cumulated[h]! + weight[h]!;
  }
  return { weight, cumulated };
})();

/** When the i-th of n conversations arrives: in order, spread as the curve says. */
function arrivalOf(i: number, n: number): number {
  const { weight, cumulated } = arrivalCurve;
  const target = ((i + 0.5) / n) * cumulated[cumulated.length - 1]!;
  let lo = 0;
  let hi = weight.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cumulated[mid]! <= target) lo = mid;
    else hi = mid - 1;
  }
  return START + lo * HOUR + Math.floor(((target - cumulated[lo]!) / weight[lo]!) * HOUR);
}

/** A deterministic number from an index (no Math.random: runs compare). */
const mix = (i: number, salt: number) => {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x ^= x >>> 13;
  x = Math.imul(x, 0x5bd1e995);
  x ^= x >>> 15;
  return x >>> 0;
};

/** A delay between `min` and `max` ms, short ones more likely (log-uniform). */
const delay = (i: number, salt: number, min: number, max: number) =>
  Math.floor(min * Math.pow(max / min, (mix(i, salt) % 10_000) / 10_000));

const BRAND = {
  id: 'brand',
  handle: 'brand',
  name: 'The brand',
  followers: 120_000,
  verified: true,
  avatarUrl: null,
};
const OUTSIDE_APPS = ['Twitter for Mac', 'Hootsuite Inc.', 'Twitter Web App'];

/**
 * The brand's replies in a conversation that was worked (open, pending, done): the first after a
 * few minutes to hours, from the inbox by an agent (one in five privately) or, one in ten, from
 * another app; three in ten customers write again, and a done or pending one is answered again.
 */
function thread(
  i: number,
  at: number,
  base: Partial<Post>,
  status: Conversation['status'],
  assignee: string | null,
): Post[] {
  const external = 10_000_000 + i;
  const agent = assignee ?? AGENTS[mix(i, 20) % AGENTS.length]!;
  const reply = (k: number, when: number): Post =>
    post({
      ...base,
      externalId: `${external}.${k}`,
      direction: 'outbound',
      author: BRAND,
      text: `Sorry about that, we are looking into it (${k}).`,
      createdAt: new Date(when).toISOString(),
      inReplyTo: `x:${external}`,
      ...(mix(i, 21 + k) % 10 === 0
        ? {
            outside: true,
            sourceApp: {
              name: OUTSIDE_APPS[mix(i, 23) % OUTSIDE_APPS.length]!,
              id: null,
              link: null,
            },
          }
        : { sentBy: agent, client: 'desktop', private: mix(i, 25 + k) % 5 === 0 }),
    });
  if (status !== 'open' && status !== 'pending' && status !== 'done') return [];
  const first = at + delay(i, 30, 2 * 60_000, 8 * HOUR);
  const posts = [reply(1, first)];
  if (mix(i, 31) % 10 < 3) {
    const again = first + delay(i, 32, 5 * 60_000, 6 * HOUR);
    posts.push(
      post({
        ...base,
        externalId: `${external}.2`,
        createdAt: new Date(again).toISOString(),
        text: 'Still waiting, any news?',
        inReplyTo: `x:${external}.1`,
      }),
    );
    if (status !== 'open') posts.push(reply(3, again + delay(i, 33, 2 * 60_000, 4 * HOUR)));
  }
  return posts;
}

export function seedConversation(
  i: number,
  n: number,
): { c: Conversation; posts: Post[]; fact: AuditFact } {
  const id = `x:${10_000_000 + i}`;
  const arrived = arrivalOf(i, n);
  const at = new Date(arrived).toISOString();
  const tagCount = mix(i, 1) % 4 === 0 ? 1 + (mix(i, 2) % 2) : 0;
  const tags = [
    ...new Set(Array.from({ length: tagCount }, (_, k) => TAGS[mix(i, 3 + k) % TAGS.length]!)),
  ];
  const assigned = mix(i, 5) % 10 < 6;
  const status = STATUSES[mix(i, 6) % STATUSES.length]!;
  const language = LANGS[mix(i, 7) % LANGS.length]!;
  const accountId = ACCOUNTS[mix(i, 8) % ACCOUNTS.length]!;
  const words = Array.from({ length: 5 }, (_, k) => WORDS[mix(i, 9 + k) % WORDS.length]!).join(' ');
  const assignee = assigned && status !== 'new' ? AGENTS[mix(i, 10) % AGENTS.length]! : null;
  const excerpt = `Customer ${i} says: ${words} #${i % 9973}`;
  const p = post({
    externalId: String(10_000_000 + i),
    conversationId: id,
    accountId,
    createdAt: at,
    language,
    text: excerpt,
  });
  const posts = [
    p,
    ...thread(i, arrived, { conversationId: id, accountId, language }, status, assignee),
  ];
  const last = posts.at(-1)!.createdAt;
  const c = conversation({
    id,
    platform: accountId.startsWith('x:') ? 'x' : 'facebook',
    accountId,
    status,
    assignee,
    tags,
    language,
    priority: PRIORITIES[mix(i, 11) % PRIORITIES.length]!,
    reach: mix(i, 12) % 200_000,
    postCount: posts.length,
    firstResponseMs: posts.length > 1 ? Date.parse(posts[1]!.createdAt) - arrived : null,
    createdAt: at,
    lastPostAt: last,
    updatedAt: last,
    excerpt,
    author: {
      id: `u${i % 50_000}`,
      handle: `user${i % 50_000}`,
      name: `User ${i % 50_000}`,
      followers: mix(i, 13) % 10_000,
      verified: false,
      avatarUrl: null,
    },
  });
  const fact: AuditFact = {
    action: 'post.arrived',
    actor: 'system',
    client: 'sync',
    conversationId: id,
    details: { postId: p.id },
  };
  return { c, posts, fact };
}

/**
 * N conversations over two years (see `arrivalOf`), half of them answered (one to three replies),
 * one audit entry each, stored in commits of `batch`.
 */
export async function seedStore(store: SqliteStore, n: number, batch = 5000): Promise<void> {
  for (let from = 0; from < n; from += batch) {
    const rows = Array.from({ length: Math.min(batch, n - from) }, (_, k) =>
      seedConversation(from + k, n),
    );
    store.commitNow(
      rows.map((r) => r.fact),
      [
        { kind: 'posts.add', posts: rows.flatMap((r) => r.posts) },
        { kind: 'conversations.put', conversations: rows.map((r) => r.c) },
      ],
    );
  }
}

/** The queue's filter mix as agents use it: mostly the default view and status tabs. */
export function uiQuery(i: number): ListConversationsInput {
  const r = mix(i, 99) % 100;
  const agent = AGENTS[mix(i, 98) % AGENTS.length]!;
  if (r < 30) return {};
  if (r < 45) return { status: 'new' };
  if (r < 55) return { assignee: agent, status: 'open' };
  if (r < 65) return { status: 'new', sort: 'priority' };
  if (r < 70) return { sort: 'reach' };
  if (r < 75) return { status: 'new', sort: 'oldest' };
  if (r < 80) return { tag: TAGS[mix(i, 97) % TAGS.length]! };
  if (r < 85) return { language: LANGS[mix(i, 96) % LANGS.length]!, status: 'new' };
  if (r < 88) return { platform: 'facebook', status: 'new' };
  if (r < 91) return { accountId: ACCOUNTS[mix(i, 95) % ACCOUNTS.length]! };
  if (r < 93) return { assignee: 'unassigned' };
  if (r < 96) return { q: WORDS[mix(i, 94) % WORDS.length]! };
  if (r < 98) return { q: `user${mix(i, 93) % 50_000}` };
  return { q: 'refund', status: 'new' };
}
