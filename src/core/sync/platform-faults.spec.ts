import { describe, expect, it } from 'vitest';
import type { AccountState } from '../../shared';
import type { Emulator } from '../../emulator/server';
import { PlatformError } from '../connectors/platform-error';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { BRAND_X, smallScenario } from '../test/scenario';
import { cursorsOnDisk, postRecords } from '../test/store-contents';

const cleanup = useCleanups();

/** 250 more X mentions and 250 more comments on the Page's post: three pages of 100 each. */
const scenario = {
  ...smallScenario(),
  synthetic: { x_mentions: 250, facebook_comments: 250, seed: 11 },
};
const TIMEOUT_MS = 1000;

/** What the inbox must hold: every mention and brand reply on X (not the broadcast), every comment. */
function expectedIds(emulator: Emulator) {
  const { x, facebook } = emulator.scenario;
  const mention = new RegExp(`@${BRAND_X.username}\\b`, 'i');
  const tweets = x.tweets.filter(
    (t) => mention.test(t.text) || (t.author_id === BRAND_X.id && t.in_reply_to),
  );
  return {
    x: tweets.map((t) => `x:${t.id}`).sort(),
    facebook: facebook.comments.map((c) => `facebook:${c.id}`).sort(),
    newestMention: tweets
      .filter((t) => mention.test(t.text))
      .map((t) => BigInt(t.id))
      .reduce((a, b) => (a > b ? a : b))
      .toString(),
    newestComment: Math.max(
      ...facebook.comments.map((c) => Math.floor(Date.parse(c.created_time) / 1000)),
    ).toString(),
  };
}

async function open(kind: 'timeout' | 'reset') {
  const inbox = await inboxOnEmulator(cleanup, {
    scenario,
    sync: [],
    service: { pollIntervalMs: 200, retryBaseMs: 50, requestTimeoutMs: TIMEOUT_MS },
  });
  const states: { id: string; state: AccountState }[] = [];
  inbox.service.onEvent((e) => {
    if (e.type === 'account.status') states.push({ id: e.account.id, state: e.account.sync.state });
  });
  // The second page of X's mentions and of the post's comments fail, the first goes through.
  inbox.emulator.injectFault({ platform: 'x', kind, path: '/mentions', skip: 1, times: Infinity });
  inbox.emulator.injectFault({
    platform: 'graph',
    kind,
    path: '/comments',
    skip: 1,
    times: Infinity,
  });
  return { ...inbox, states };
}

describe.each(['timeout', 'reset'] as const)(
  'a backfill meeting a %s on a page in the middle',
  (kind) => {
    it('stops within bounded time, keeping the pages before it and where it stopped', async () => {
      const { service, dir, x, fb } = await open(kind);
      const message = kind === 'timeout' ? `no answer within ${TIMEOUT_MS} ms` : 'connection reset';
      for (const account of [x, fb]) {
        const started = performance.now();
        const failure = await service.syncAccountOnce(account.id).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(PlatformError);
        expect(failure).toMatchObject({ kind: 'transient' });
        expect((failure as Error).message).toContain(message);
        expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 4000);
      }
      const stored = [...(await postRecords(dir)).keys()];
      expect(stored.filter((id) => id.startsWith('x:'))).toHaveLength(100);
      expect(stored.filter((id) => id.startsWith('facebook:'))).toHaveLength(100);
      const cursors = await cursorsOnDisk(dir);
      // X: the chain of pages is under way, since_id not moved; Facebook: the post's comments
      // stored so far are checkpointed, the pass as a whole is not done.
      expect(cursors[x.id]).toMatchObject({ 'mentions:next': expect.any(String) });
      expect(cursors[x.id]?.mentions).toBeUndefined();
      expect(cursors[fb.id]).toMatchObject({
        [`comments:${scenario.facebook.posts[0]!.id}`]: expect.any(String),
      });
      expect(cursors[fb.id]?.feed).toBeUndefined();
    });

    it('recovers once the fault is gone: every item exactly once, cursors at the newest', async () => {
      const { emulator, service, dir, x, fb, states } = await open(kind);
      const expected = expectedIds(emulator);
      service.startSync();
      // The loops retry with backoff while the platforms keep failing...
      const errors = (id: string) => states.filter((s) => s.id === id && s.state === 'error');
      await expect.poll(() => errors(x.id).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await expect.poll(() => errors(fb.id).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      // ...and finish once they answer again.
      emulator.clearFaults();
      const lastState = (id: string) => states.filter((s) => s.id === id).at(-1)?.state;
      await expect
        .poll(async () => (await postRecords(dir)).size, { timeout: 20_000 })
        .toBe(expected.x.length + expected.facebook.length);
      await expect.poll(() => lastState(x.id), { timeout: 10_000 }).toBe('connected');
      await expect.poll(() => lastState(fb.id), { timeout: 10_000 }).toBe('connected');
      await new Promise((resolve) => setTimeout(resolve, 600)); // a few more polls

      const records = await postRecords(dir);
      const ids = [...records.keys()];
      expect(ids.filter((id) => id.startsWith('x:')).sort()).toEqual(expected.x);
      expect(ids.filter((id) => id.startsWith('facebook:')).sort()).toEqual(expected.facebook);
      // A post has a second record only when it moved to another conversation (a reply stored
      // before its parent came on a later page), never the same record twice.
      for (const [id, lines] of records) {
        expect(new Set(lines).size, `${id} stored twice`).toBe(lines.length);
      }

      const cursors = await cursorsOnDisk(dir);
      expect(cursors[x.id]).toEqual({
        mentions: expected.newestMention,
        tweets: expect.any(String),
      });
      expect(cursors[fb.id]).toEqual({
        [`comments:${scenario.facebook.posts[0]!.id}`]: expected.newestComment,
        feed: expect.any(String),
        sweep: expect.any(String),
      });
      const thread = await service.getConversation({ id: `x:${scenario.x.tweets[0]!.id}` });
      expect(thread.posts.map((p) => p.direction)).toEqual([
        'inbound',
        'outbound',
        'inbound',
        'outbound',
      ]);
      const conversations = await service.listConversations({ limit: 500 });
      const posts = conversations.items.reduce((sum, c) => sum + c.postCount, 0);
      expect(posts).toBe(expected.x.length + expected.facebook.length);
    });
  },
);
