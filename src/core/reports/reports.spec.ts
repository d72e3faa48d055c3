import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, Conversation, Post, ReportDrill } from '../../shared';
import { headOf } from '../store/port';
import type { ConversationHead } from '../store/port';
import { conversation, post, tempDir } from '../test/fixtures';
import { SqliteStore } from '../store/sql/sqlite-store';
import { ManualClock, dateOf } from '../time/clock';
import { clusterRunner } from './cluster-runner';
import { clusterConversations } from './clusters';
import { crisisView, hoursUpTo } from './crisis';
import type { CrisisHours } from './crisis';
import { ReportBuilder, casesIn } from './report-builder';
import { OUTSIDE } from './report-case';
import { crisisOf } from './report-cases';
import type { ReportStore } from './report-cases';
import { Reports, unspokenLanguages } from './reports';

const MIN = 60_000;
const H = 60 * MIN;
const START = Date.parse('2026-02-20T00:00:00.000Z');
const DAYS = 18;
const N = 2_600;
const STORY = 'your oat milk latte made me sick at the station shop';
const LANGS = ['fr', 'en', 'de', 'nl', null] as const;
const WORDS = (
  'order card refund late cold app store coupon loyalty delivery milk cup lid staff queue price ' +
  'receipt points account password login crash update menu vegan sugar size wrong missing'
).split(' ');
const agents: Agent[] = [
  { id: 'jan', name: 'Jan de Wit', role: 'agent', languages: ['nl'] },
  { id: 'lucia', name: 'Lucía Ortega', role: 'agent', languages: ['es'] },
  { id: 'rita', name: 'Rita Hale', role: 'manager', languages: ['en'] },
];
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Eighteen days of conversations (more than a page of the store's range reads and than a batch of
 * posts), some at the same instant: each opens with a customer post, is answered from the inbox,
 * from another app or not at all, sometimes hours later, and the customer may write again. A
 * story (the same complaint, five times) arrives on March 8th, and conversations sit exactly on
 * the report's bounds.
 */
function queue(): { conversations: Conversation[]; posts: Post[] } {
  let seed = 11;
  const random = () => ((seed = (Math.imul(seed, 48271) + 7) >>> 0) % 1_000_003) / 1_000_003;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const conversations: Conversation[] = [];
  const posts: Post[] = [];
  const add = (id: string, at: number, text: string, answered = random()) => {
    const platform = random() < 0.7 ? 'x' : 'facebook';
    const mine: Post[] = [post({ externalId: id, platform, createdAt: iso(at), text })];
    const base = { conversationId: mine[0]!.id, platform } as const;
    let t = at;
    const reply = (n: number) => {
      t += Math.floor(random() * random() * 6 * H);
      const overrides =
        random() < 0.15
          ? {
              outside: true,
              sourceApp: { name: pick(['Hootsuite', 'Twitter for Mac']), id: null, link: null },
            }
          : { sentBy: pick(agents).id, client: 'browser', private: random() < 0.2 };
      mine.push(
        post({
          ...base,
          externalId: `${id}r${n}`,
          direction: 'outbound',
          createdAt: iso(t),
          ...overrides,
        }),
      );
    };
    if (answered < 0.65) reply(1);
    if (answered < 0.65 && random() < 0.4) {
      t += Math.floor(random() * 3 * H);
      mine.push(post({ ...base, externalId: `${id}f`, createdAt: iso(t), text: 'Still waiting.' }));
      if (random() < 0.6) reply(2);
    }
    posts.push(...mine);
    conversations.push(
      conversation({
        id: mine[0]!.id,
        platform,
        accountId: `${platform}:brand`,
        language: pick(LANGS),
        createdAt: iso(at),
        lastPostAt: iso(t),
        postCount: mine.length,
      }),
    );
  };
  for (let i = 0; i < N; i++) {
    // Minutes, so that some conversations share their instant.
    const at = START + Math.floor(random() * DAYS * 24 * 60) * MIN;
    add(String(1000 + i), at, Array.from({ length: 6 }, () => pick(WORDS)).join(' '));
  }
  for (let i = 0; i < 5; i++)
    add(`story${i}`, Date.parse('2026-03-08T07:00:00.000Z') + i * 7 * MIN, STORY, 0.9);
  add('at-from', Date.parse(RANGE.from), 'On the first instant', 0.1);
  add('at-to', Date.parse(RANGE.to), 'On the end, which is not in', 0.1);
  // A post whose conversation is not stored: no report reads it.
  posts.push(post({ externalId: 'stray', conversationId: 'x:gone', createdAt: RANGE.from }));
  return { conversations, posts };
}

const RANGE = {
  from: '2026-02-26T06:00:00.000Z',
  to: '2026-03-07T18:30:00.000Z',
  targetMinutes: 45,
};
const clock = new ManualClock('2026-03-10T00:00:00.000Z');
const data = queue();
const postsOf = (() => {
  const by = new Map<string, Post[]>();
  for (const p of data.posts) by.set(p.conversationId, [...(by.get(p.conversationId) ?? []), p]);
  const older = (a: Post, b: Post) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
  for (const list of by.values()) list.sort(older);
  return (id: string) => by.get(id) ?? [];
})();
/** The queue in the store's order: oldest first, the same instant by id. */
const byArrival = [...data.conversations].sort((a, b) =>
  a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : 1,
);
/** The reference: the builder over every conversation in memory. */
const inMemory = (range: typeof RANGE) =>
  new ReportBuilder(range, casesIn(range, byArrival, postsOf));

let store: SqliteStore;
let cleanup: () => Promise<void>;
let reports: Reports;
/** What the reads gave: conversations' heads, the pages of facts and the whole posts asked for. */
const read = { heads: [] as ConversationHead[], pages: [] as number[], whole: [] as string[] };

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  store = SqliteStore.open(temp.dir, { clock });
  await store.commit(
    [],
    [
      { kind: 'posts.add', posts: data.posts },
      { kind: 'conversations.put', conversations: data.conversations },
    ],
  );
  reports = new Reports({ store: counted(store), agents: () => agents, now: () => dateOf(clock) });
});
afterEach(() => {
  read.heads = [];
  read.pages = [];
  read.whole = [];
});
afterAll(async () => {
  await store.close();
  await cleanup();
  await clusterRunner.close();
});

/** The store's report reads, counted. */
function counted(inner: ReportStore): ReportStore {
  const track = (pages: AsyncIterable<ConversationHead[]>) =>
    (async function* () {
      for await (const page of pages) {
        read.heads.push(...page);
        yield page;
      }
    })();
  const { conversations, posts } = inner;
  return {
    conversations: {
      headsCreatedBetween: (from, to) => track(conversations.headsCreatedBetween(from, to)),
      headsLastPostedBetween: (from, to) => track(conversations.headsLastPostedBetween(from, to)),
      getMany: (ids) => conversations.getMany(ids),
    },
    posts: {
      factsOf: (ids) => {
        read.pages.push(ids.length);
        return posts.factsOf(ids);
      },
      getMany: (ids) => {
        read.whole.push(...ids);
        return posts.getMany(ids);
      },
    },
  };
}

describe('reports over the SQL store', () => {
  it('count the conversations that arrived in the range, as the builder does in memory', async () => {
    const report = await reports.report(RANGE);
    expect(report).toEqual(inMemory(RANGE).report(agents));

    const from = Date.parse(RANGE.from);
    const to = Date.parse(RANGE.to);
    const arrived = data.conversations.filter(
      (c) => Date.parse(c.createdAt) >= from && Date.parse(c.createdAt) < to,
    );
    // The range cuts through the queue: about half of it, and only that half is read.
    expect(arrived.length).toBeGreaterThan(500);
    expect(arrived.length).toBeLessThan(data.conversations.length - 500);
    expect(report.team.conversations).toBe(arrived.length);
    // Read by their heads, oldest first, a page of a thousand at a time with their posts' facts.
    expect(read.heads).toEqual(byArrival.filter((c) => arrived.includes(c)).map(headOf));
    expect(read.pages).toEqual([1000, arrived.length - 1000]);

    const answered = arrived.filter((c) =>
      postsOf(c.id).some((p) => p.direction === 'outbound'),
    ).length;
    expect(report.team.answered).toBe(answered);
    expect(report.coverage.unanswered).toBe(arrived.length - answered);
    expect(report.responders.map((r) => r.responder)).toEqual(['jan', 'lucia', 'rita', OUTSIDE]);
    // The replies made outside the inbox, listed whole: the only posts read whole.
    const outside = arrived.flatMap((c) => postsOf(c.id).filter((p) => p.outside));
    expect(outside.length).toBeGreaterThan(20);
    expect(report.outside.replies.map((r) => r.postId).sort()).toEqual(
      outside.map((p) => p.id).sort(),
    );
    expect(read.whole.sort()).toEqual(outside.map((p) => p.id).sort());
  });

  it('take the first instant of the range and leave its end out', async () => {
    const { items } = await reports.drill({ ...RANGE, drill: { set: 'conversations' } });
    const ids = items.map((c) => c.id);
    expect(ids).toContain('x:at-from');
    expect(ids).not.toContain('x:at-to');
    expect(ids.at(-1)).toBe('x:at-from');
  });

  it('drill into the same conversations as the builder in memory', async () => {
    const drills: ReportDrill[] = [
      { set: 'conversations' },
      { set: 'answered', responder: 'jan' },
      { set: 'unanswered', language: 'unknown' },
      { set: 'within-target', platform: 'facebook' },
      { set: 'over-target' },
      { set: 'replied-private', responder: 'lucia' },
      { set: 'outside-replies', responder: OUTSIDE },
    ];
    for (const drill of drills) {
      const { items, total } = await reports.drill({ ...RANGE, drill });
      const expected = inMemory(RANGE)
        .drill(drill)
        .map((h) => data.conversations.find((c) => c.id === h.id));
      expect(items, drill.set).toEqual(expected);
      expect(total).toBe(expected.length);
      expect(total, drill.set).toBeGreaterThan(0);
    }
  });

  it('give the same figures for ranges of any size', async () => {
    for (const range of [
      { ...RANGE, from: '2026-03-08T07:00:00.000Z', to: '2026-03-08T08:00:00.000Z' },
      { ...RANGE, from: '2026-01-01T00:00:00.000Z', to: '2026-03-30T00:00:00.000Z' },
      { ...RANGE, from: '2026-04-01T00:00:00.000Z', to: '2026-04-02T00:00:00.000Z' },
    ])
      expect(await reports.report(range)).toEqual(inMemory(range).report(agents));
  });
});

describe('the crisis view over the SQL store', () => {
  const at = new Date('2026-03-08T10:30:00.000Z');
  /** The view in memory, with the languages nobody on the team speaks flagged. */
  const inMemoryView = async (window: CrisisHours) => {
    const view = await crisisView(data.conversations, postsOf, window, async (m) =>
      clusterConversations(m),
    );
    return {
      ...view,
      clusters: view.clusters.map((c) => ({
        ...c,
        unspokenLanguages: unspokenLanguages(c.languages, agents),
      })),
    };
  };
  const expected = (hours: number) => inMemoryView(hoursUpTo(at, hours));

  it('flags the languages nobody on the team speaks, only when the team said which it speaks', () => {
    expect(unspokenLanguages(['de', 'en', 'fr', 'unknown'], agents)).toEqual(['de', 'fr']);
    expect(unspokenLanguages(['de'], [{ ...agents[0]!, languages: [] }])).toEqual([]);
    const gone = { ...agents[2]!, removedAt: '2026-03-01T00:00:00.000Z' };
    expect(unspokenLanguages(['en'], [agents[0]!, gone])).toEqual(['en']);
  });

  it('counts arrivals and finds the story as the view does in memory, reading the last week only', async () => {
    const view = await reports.crisis({ at: at.toISOString(), hours: 24 });
    expect(view).toEqual(await expected(24));
    expect(view.from).toBe('2026-03-07T11:00:00.000Z');
    expect(view.to).toBe('2026-03-08T11:00:00.000Z');

    const baselineStart = Date.parse('2026-02-28T11:00:00.000Z');
    const inbound = data.posts.filter(
      (p) =>
        p.direction === 'inbound' &&
        p.conversationId !== 'x:gone' &&
        Date.parse(p.createdAt) >= Date.parse(view.from) &&
        Date.parse(p.createdAt) < Date.parse(view.to),
    );
    expect(view.hours.reduce((n, h) => n + h.arrivals, 0)).toBe(inbound.length);
    expect(view.clusters.map((c) => [c.sample, c.size])).toEqual([[STORY, 5]]);
    // Only the conversations with a post since the baseline began are read, later ones included.
    const active = data.conversations.filter((c) => Date.parse(c.lastPostAt) >= baselineStart);
    expect(read.heads.map((c) => c.id).sort()).toEqual(active.map((c) => c.id).sort());
    // Whole posts: only the openers of the conversations that arrived in the window (to cluster)
    // or in the week before it (their links and hashtags tell the usual ones).
    const arrivedSinceBaseline = data.conversations.filter(
      (c) => Date.parse(c.createdAt) >= baselineStart && c.createdAt < view.to,
    );
    expect(read.whole.sort()).toEqual(arrivedSinceBaseline.map((c) => c.id).sort());
    expect(arrivedSinceBaseline.length).toBeLessThan(active.length);
    expect(active.length).toBeLessThan(data.conversations.length - 300);
    expect(active.some((c) => Date.parse(c.lastPostAt) >= Date.parse(view.to))).toBe(true);
  });

  it('covers the window chosen: 24 h, 72 h or 7 days up to the clock’s time, or the report’s range', async () => {
    const now = dateOf(clock);
    for (const [window, hours] of [
      ['24h', 24],
      ['72h', 72],
      ['7d', 168],
    ] as const) {
      const view = await reports.crisis({ window });
      expect(view.hours).toHaveLength(hours);
      expect(view).toEqual(await inMemoryView(hoursUpTo(now, hours)));
    }
    const range = await reports.crisis({
      window: 'range',
      from: '2026-03-06T00:00:00.000Z',
      to: '2026-03-08T00:00:00.000Z',
    });
    expect(range.from).toBe('2026-03-06T00:00:00.000Z');
    expect(range.to).toBe('2026-03-08T00:00:00.000Z');
    expect(range).toEqual(await inMemoryView(hoursUpTo(new Date(Date.parse(range.to) - 1), 48)));
    // A range longer than the view covers by the hour: its last 31 days.
    const year = await reports.crisis({
      window: 'range',
      from: '2025-06-01T00:00:00.000Z',
      to: '2026-03-08T00:00:00.000Z',
    });
    expect(year.hours).toHaveLength(31 * 24);
    expect(year.from).toBe('2026-02-05T00:00:00.000Z');
    await expect(reports.crisis({ window: 'range' })).rejects.toThrow(/from and to/);
  });

  it('gives the same view for any window, and at the clock’s time by default', async () => {
    for (const hours of [1, 6, 72, 168])
      expect(await reports.crisis({ at: at.toISOString(), hours })).toEqual(await expected(hours));
    expect(await crisisOf(store, hoursUpTo(at, 24), async (m) => clusterConversations(m))).toEqual(
      await crisisView(data.conversations, postsOf, hoursUpTo(at, 24), async (m) =>
        clusterConversations(m),
      ),
    );
    // Now, by default: the clock's.
    expect(await reports.crisis({})).toEqual(await inMemoryView(hoursUpTo(dateOf(clock), 24)));
  });
});
