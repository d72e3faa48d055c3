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
export const START = Date.UTC(2026, 7, 1);
/** Ninety days of conversations. */
const SPAN = 90 * 24 * 3600_000;

/** A deterministic number from an index (no Math.random: runs compare). */
const mix = (i: number, salt: number) => {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x ^= x >>> 13;
  x = Math.imul(x, 0x5bd1e995);
  x ^= x >>> 15;
  return x >>> 0;
};

export function seedConversation(
  i: number,
  n: number,
): { c: Conversation; p: Post; fact: AuditFact } {
  const id = `x:${10_000_000 + i}`;
  const at = new Date(START + Math.floor((i / n) * SPAN)).toISOString();
  const tagCount = mix(i, 1) % 4 === 0 ? 1 + (mix(i, 2) % 2) : 0;
  const tags = [
    ...new Set(Array.from({ length: tagCount }, (_, k) => TAGS[mix(i, 3 + k) % TAGS.length]!)),
  ];
  const assigned = mix(i, 5) % 10 < 6;
  const status = STATUSES[mix(i, 6) % STATUSES.length]!;
  const language = LANGS[mix(i, 7) % LANGS.length]!;
  const accountId = ACCOUNTS[mix(i, 8) % ACCOUNTS.length]!;
  const words = Array.from({ length: 5 }, (_, k) => WORDS[mix(i, 9 + k) % WORDS.length]!).join(' ');
  const c = conversation({
    id,
    platform: accountId.startsWith('x:') ? 'x' : 'facebook',
    accountId,
    status,
    assignee: assigned && status !== 'new' ? AGENTS[mix(i, 10) % AGENTS.length]! : null,
    tags,
    language,
    priority: PRIORITIES[mix(i, 11) % PRIORITIES.length]!,
    reach: mix(i, 12) % 200_000,
    createdAt: at,
    lastPostAt: at,
    updatedAt: at,
    excerpt: `Customer ${i} says: ${words} #${i % 9973}`,
    author: {
      id: `u${i % 50_000}`,
      handle: `user${i % 50_000}`,
      name: `User ${i % 50_000}`,
      followers: mix(i, 13) % 10_000,
      verified: false,
      avatarUrl: null,
    },
  });
  const p = post({
    externalId: String(10_000_000 + i),
    conversationId: id,
    accountId,
    createdAt: at,
    language,
    text: c.excerpt,
  });
  const fact: AuditFact = {
    action: 'post.arrived',
    actor: 'system',
    client: 'sync',
    conversationId: id,
    details: { postId: p.id },
  };
  return { c, p, fact };
}

/** N conversations, one post and one audit entry each, stored in commits of `batch`. */
export async function seedStore(store: SqliteStore, n: number, batch = 5000): Promise<void> {
  for (let from = 0; from < n; from += batch) {
    const rows = Array.from({ length: Math.min(batch, n - from) }, (_, k) =>
      seedConversation(from + k, n),
    );
    store.commitNow(
      rows.map((r) => r.fact),
      [
        { kind: 'posts.add', posts: rows.map((r) => r.p) },
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
