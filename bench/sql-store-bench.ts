import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ListConversationsInputSchema } from '../src/shared';
import type { Conversation } from '../src/shared';
import { SqliteStore } from '../src/core/store/sql/sqlite-store';
import { listSql } from '../src/core/store/sql/conversation-sql';
import { tempDir } from '../src/core/test/fixtures';
import { triageFacts } from '../src/core/audit/audit-facts';
import { applyTriageChange } from '../src/core/queue/triage-change';
import type { TriageChange } from '../src/core/queue/triage-change';
import { ManualClock, dateOf } from '../src/core/time/clock';
import { clusterRunner } from '../src/core/reports/cluster-runner';
import { Reports } from '../src/core/reports/reports';
import type { Figure } from './figure';
import { percentile } from './figure';
import { seedFolder } from './seed-folder';
import { AGENTS, END, SEED_VERSION, seedConversation, uiQuery } from './sql-store-seed';

const SAMPLES = 1000;
const BULK_ACTOR = { actor: 'agent-2', client: 'browser' };

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
/** RSS once the garbage is collected (own-process.ts runs each size with --expose-gc). */
const settledRssMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return rssMb();
};

const REPORT_RUNS = 5;

/**
 * The embedded SQL store at N conversations over two years (half of them answered, 1.74 posts and
 * one audit entry each; see sql-store-seed.ts): open, the UI's list mix, a conversation with its
 * timeline, the 30-day report and the crisis view, durable triage writes, a bulk update, verify,
 * and the store's overhead against the same SQL run on the driver directly.
 */
export async function sqlStoreBench(n: number): Promise<Figure[]> {
  // BENCH_SQL_DIR keeps the seeded store between runs (seeding a million takes minutes).
  const kept = process.env.BENCH_SQL_DIR
    ? join(process.env.BENCH_SQL_DIR, `${n}-seed${SEED_VERSION}`)
    : null;
  const { dir, cleanup } = kept
    ? (mkdirSync(kept, { recursive: true }), { dir: kept, cleanup: async () => undefined })
    : await tempDir('inbox-sql-bench-');
  const clock = new ManualClock('2026-11-01T00:00:00.000Z');
  try {
    const seedStart = performance.now();
    await seedFolder(dir, n);
    const seedMs = performance.now() - seedStart;
    global.gc?.();
    const rssBefore = rssMb();

    // Open: the store and the first screen (the first page of the default list).
    const openStart = performance.now();
    const store = SqliteStore.open(dir, { clock });
    await store.conversations.list(ListConversationsInputSchema.parse({ limit: 200 }));
    const openMs = performance.now() - openStart;

    const inputs = Array.from({ length: SAMPLES }, (_, i) =>
      ListConversationsInputSchema.parse({ ...uiQuery(i), limit: 200 }),
    );
    const listTimes: number[] = [];
    const rawTimes: number[] = [];
    for (const [i, input] of inputs.entries()) {
      let s = performance.now();
      const page = await store.conversations.list(input);
      listTimes.push(performance.now() - s);
      // One in ten goes on to the next page, as scrolling does.
      if (i % 10 === 0 && page.nextCursor) {
        s = performance.now();
        await store.conversations.list({ ...input, cursor: page.nextCursor });
        listTimes.push(performance.now() - s);
      }
      // The same SQL on the driver itself.
      const sql = listSql(input);
      s = performance.now();
      const rows = store.db.prepare(sql.page.sql).all(...sql.page.params) as { body: string }[];
      rows.map((r) => JSON.parse(r.body) as Conversation);
      store.db.prepare(sql.count.sql).get(...sql.count.params);
      rawTimes.push(performance.now() - s);
    }

    const openTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const id = `x:${10_000_000 + ((i * 7919) % n)}`;
      const s = performance.now();
      const c = await store.conversations.get(id);
      await store.posts.ofConversation(id);
      await store.audit.ofConversation(id);
      await store.notes.ofConversation(id);
      openTimes.push(performance.now() - s);
      if (c == null) throw new Error(`${id} is missing`);
    }

    // The managers' reports as the service asks for them: the 30 days to the last arrival, and
    // the crisis view of the 24 hours to it (with its week of baseline). Each run goes to stderr;
    // the figure is the median.
    const reports = new Reports({
      store,
      agents: () => AGENTS.map((id) => ({ id, name: id, role: 'agent', languages: [] })),
      now: () => dateOf(clock),
    });
    const range = {
      from: new Date(END - 30 * 86_400_000).toISOString(),
      to: new Date(END).toISOString(),
    };
    const reportTimes: number[] = [];
    const crisisTimes: number[] = [];
    const rssReport = rssMb();
    let peakReport = rssReport;
    let arrived = 0;
    let active = 0;
    try {
      for (let run = 0; run < REPORT_RUNS; run++) {
        let s = performance.now();
        const report = await reports.report(range);
        reportTimes.push(performance.now() - s);
        peakReport = Math.max(peakReport, rssMb());
        arrived = report.team.conversations;
        s = performance.now();
        const crisis = await reports.crisis({ at: range.to, hours: 24 });
        crisisTimes.push(performance.now() - s);
        active = crisis.hours.reduce((sum, h) => sum + h.arrivals, 0);
      }
    } finally {
      await clusterRunner.close();
    }

    const writeTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const id = `x:${10_000_000 + ((i * 104_729) % n)}`;
      const current = (await store.conversations.get(id))!;
      const next = {
        ...current,
        status: current.status === 'open' ? 'pending' : 'open',
        version: current.version + 1,
      } as Conversation;
      clock.advance(1000);
      const s = performance.now();
      await store.commit(
        [
          {
            action: 'conversation.status',
            actor: 'agent-1',
            client: 'browser',
            conversationId: id,
            details: { from: current.status, to: next.status },
          },
        ],
        [{ kind: 'conversations.put', conversations: [next] }],
      );
      writeTimes.push(performance.now() - s);
    }

    // The UI's bulk actions (the action palette, a group's actions), one field on 500 selected
    // conversations each, made and recorded as the triage service makes them: a tag (the body and
    // the tag tables), an assignee and a status (filtered columns: their indexes and the facet
    // counts move). One entry per conversation.
    const BULK_ACTIONS: TriageChange[] = [
      { addTags: ['crisis'] },
      { assignee: 'agent-7' },
      { status: 'pending' },
    ];
    const bulkTimes: number[] = [];
    const bulkWorst = new Map<string, number>();
    for (let round = 0; round < 4 * BULK_ACTIONS.length; round++) {
      const ids = Array.from(
        { length: 500 },
        (_, k) => `x:${10_000_000 + (((round * 500 + k) * 7) % n)}`,
      );
      const current = await store.conversations.getMany(ids);
      clock.advance(1000);
      const change = BULK_ACTIONS[round % BULK_ACTIONS.length]!;
      const next = current.map((c) => applyTriageChange(c, change, dateOf(clock)));
      const facts = current.flatMap((c, i) => triageFacts(c, next[i]!, BULK_ACTOR));
      const s = performance.now();
      await store.commit(facts, [{ kind: 'conversations.put', conversations: next }]);
      const ms = performance.now() - s;
      bulkTimes.push(ms);
      const action = Object.keys(change)[0]!;
      bulkWorst.set(action, Math.max(ms, bulkWorst.get(action) ?? 0));
    }

    // The same single write on the driver: the statements the store runs, in one transaction.
    const rawWriteTimes: number[] = [];
    const { c: sample } = seedConversation(0, n);
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      store.db.exec('BEGIN IMMEDIATE');
      store.db
        .prepare('UPDATE conversations SET status = ?, body = ? WHERE id = ?')
        .run('open', JSON.stringify(sample), sample.id);
      store.db
        .prepare(
          'INSERT INTO audit (seq, at, conversation_id, canonical, hash) VALUES ((SELECT max(seq) + 1 FROM audit), ?, ?, ?, ?)',
        )
        .run(sample.lastPostAt, sample.id, '{}', '');
      store.db.exec('ROLLBACK');
      rawWriteTimes.push(performance.now() - s);
    }

    // Verify's growth is its peak above what the process held, garbage collected, before it: the
    // RSS is sampled while it walks the trail (it lets timers run between pages).
    const rssQueried = settledRssMb();
    let rssVerified = rssQueried;
    const sampler = setInterval(() => (rssVerified = Math.max(rssVerified, rssMb())), 20);
    const verifyStart = performance.now();
    const check = await store.audit.verify(dateOf(clock));
    const verifyMs = performance.now() - verifyStart;
    clearInterval(sampler);
    rssVerified = Math.max(rssVerified, rssMb());
    if (!check.intact) throw new Error(`The trail does not check out: ${check.reason}`);
    await store.close();

    const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
    console.error(
      `[sql store ${label}] seeded in ${(seedMs / 1000).toFixed(1)} s; RSS ${rssBefore.toFixed(0)} MB before open, ${rssQueried.toFixed(0)} MB after the queries (collected), ${rssVerified.toFixed(0)} MB at most during verify; slowest bulk of each action: ${[...bulkWorst].map(([action, ms]) => `${action} ${ms.toFixed(0)} ms`).join(', ')}`,
    );
    console.error(
      `[sql store ${label}] 30-day report: ${arrived} conversations (${((100 * arrived) / n).toFixed(1)}% of the queue), ${reportTimes.map((t) => t.toFixed(0)).join(', ')} ms; ` +
        `crisis view, 24 h: ${active} arrivals, ${crisisTimes.map((t) => t.toFixed(0)).join(', ')} ms; ` +
        `RSS ${rssReport.toFixed(0)} MB before the reports, ${peakReport.toFixed(0)} MB at most after one`,
    );
    return [
      {
        name: `sql store: open and first page, at ${label}`,
        value: openMs,
        unit: 'ms',
        budget: 200,
      },
      {
        name: `sql store: list/filter/search p95 (${listTimes.length} samples of the UI's mix), at ${label}`,
        value: percentile(listTimes, 95),
        unit: 'ms',
        budget: 20,
      },
      {
        name: `sql store: list overhead against the driver on the same SQL (median), at ${label}`,
        value: percentile(listTimes, 50) / percentile(rawTimes, 50),
        unit: 'ratio',
        budget: 1.5,
      },
      {
        name: `sql store: open a conversation with its timeline p95, at ${label}`,
        value: percentile(openTimes, 95),
        unit: 'ms',
        budget: 30,
      },
      {
        name: `sql store: 30-day report (median of ${REPORT_RUNS}), at ${label}`,
        value: percentile(reportTimes, 50),
        unit: 'ms',
        budget: 1000,
      },
      {
        name: `sql store: crisis view, 24 h (median of ${REPORT_RUNS}), at ${label}`,
        value: percentile(crisisTimes, 50),
        unit: 'ms',
        budget: 1000,
      },
      {
        name: `sql store: durable triage write p95, at ${label}`,
        value: percentile(writeTimes, 95),
        unit: 'ms',
        budget: 5,
      },
      {
        name: `sql store: bulk update of 500 (tag, assign or status) p95, at ${label}`,
        value: percentile(bulkTimes, 95),
        unit: 'ms',
        budget: 100,
      },
      {
        name: `sql store: verify ${check.entries} audit entries, at ${label}`,
        value: verifyMs,
        unit: 'ms',
        budget: 10_000,
      },
      {
        name: `sql store: RSS growth during verify (its peak), at ${label}`,
        value: rssVerified - rssQueried,
        unit: 'MB',
        budget: 50,
      },
      {
        name: `sql store: process RSS after open, lists and writes, at ${label}`,
        value: rssQueried,
        unit: 'MB',
        budget: 400,
      },
    ];
  } finally {
    await cleanup();
  }
}
