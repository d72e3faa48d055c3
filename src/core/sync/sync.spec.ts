import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxEvent } from '../../shared';
import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import { InboxService } from '../service';
import { tempDir } from '../test/fixtures';
import { APP, BRAND_X, PAGE, connectAll, smallScenario } from '../test/scenario';
import { clockStartingAt } from '../time/clock';

/** The inbox and the emulator live at the scenario's date, whatever today's date is. */
const clock = clockStartingAt(smallScenario().anchor);

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let dir: string;
let cleanup: () => Promise<void>;

const open = () =>
  InboxService.open({
    clock,
    dataDir: dir,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
    graphVersion: 'v21.0',
    pollIntervalMs: 60_000,
  });

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  emulator = await startEmulator({
    now: () => clock.now(),
    scenario: parseScenario(smallScenario(150)),
    port: 0,
    shiftToNow: false,
  });
});
afterEach(async () => {
  await emulator.close();
  await cleanup();
});

describe('sync against the emulator', () => {
  it('learns each account from the platform and keeps only a key to its credential', async () => {
    const service = await open();
    const { x, fb } = await connectAll(service);
    expect(x).toMatchObject({
      id: `x:${BRAND_X.id}`,
      handle: BRAND_X.username,
      credentialRef: `x:${BRAND_X.id}`,
    });
    expect(fb).toMatchObject({ id: `facebook:${PAGE.id}`, name: PAGE.name });
    expect(JSON.stringify(await service.listAccounts())).not.toContain(BRAND_X.token);
    await service.close();
  });

  it('gathers both platforms into threaded conversations, with languages, reach and source apps', async () => {
    const service = await open();
    const { x, fb } = await connectAll(service);
    await service.syncAccountOnce(x.id);
    await service.syncAccountOnce(fb.id);

    const page = await service.listConversations({ limit: 500 });
    // X: the 4-deep thread, the journalist, 150 extra mentions; the brand's broadcast is no conversation.
    // Facebook: Klaus's thread and Giulia's comment.
    expect(page.total).toBe(1 + 1 + 150 + 2);

    const thread = await service.getConversation({ id: `x:${smallScenario().x.tweets[0]!.id}` });
    expect(thread.posts.map((p) => p.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
      'outbound',
    ]);
    // The scenario names the app the brand answered with, but X does not report it: app unknown.
    expect(thread.posts[1]).toMatchObject({ outside: true, sourceApp: null, sentBy: null });
    expect(thread.conversation).toMatchObject({
      language: 'fr',
      postCount: 4,
      firstResponseMs: 5 * 60_000,
    });

    const journalist = page.items.find((c) => c.author.handle === 'jan_nieuws');
    expect(journalist).toMatchObject({ language: 'nl', reach: 650_000, priority: 'high' });

    const klaus = await service.getConversation({ id: 'facebook:5001_9001' });
    expect(klaus.posts.map((p) => p.id)).toEqual([
      'facebook:5001_9001',
      'facebook:5001_9002',
      'facebook:5001_9003',
    ]);
    expect(klaus.posts[1]).toMatchObject({
      direction: 'outbound',
      outside: true,
      sourceApp: { name: APP.name, id: APP.id },
    });
    expect(klaus.conversation.language).toBe('de');
    const giulia = page.items.find((c) => c.id === 'facebook:5001_9004');
    expect(giulia?.language).toBe('it');
    await service.close();
  });

  it('neither loses nor doubles a post across passes and restarts', async () => {
    const first = await open();
    const { x, fb } = await connectAll(first);
    await first.syncAccountOnce(x.id);
    await first.syncAccountOnce(fb.id);
    const before = await first.listConversations({ limit: 500 });
    await first.close();

    const second = await open();
    await connectAll(second);
    await second.syncAccountOnce(x.id);
    await second.syncAccountOnce(fb.id);
    const after = await second.listConversations({ limit: 500 });
    expect(after.total).toBe(before.total);
    const postCounts = (p: typeof after) => p.items.map((c) => [c.id, c.postCount]).sort();
    expect(postCounts(after)).toEqual(postCounts(before));
    await second.close();
  });

  it('pushes conversation and account events while syncing', async () => {
    const service = await open();
    const { x } = await connectAll(service);
    const seen: InboxEvent[] = [];
    service.onEvent((e) => seen.push(e));
    await service.syncAccountOnce(x.id);
    // Every listed conversation was announced; those folded into another were announced removed.
    const changed = new Set(
      seen.flatMap((e) => (e.type === 'conversation.changed' ? [e.conversation.id] : [])),
    );
    const removed = new Set(seen.flatMap((e) => (e.type === 'conversation.removed' ? [e.id] : [])));
    const listed = (await service.listConversations({ limit: 500 })).items.map((c) => c.id);
    expect([...changed].filter((id) => !removed.has(id)).sort()).toEqual(listed.sort());
    expect(listed).toHaveLength(152);
    expect(seen.some((e) => e.type === 'sync.progress')).toBe(true);
    await service.close();
  });

  it('marks the account expired when the platform refuses its token, and keeps running', async () => {
    const service = await open();
    const { x } = await connectAll(service);
    await service.close();
    const reopened = await open();
    // The credential lived in memory: after a restart the account has none.
    await expect(reopened.syncAccountOnce(x.id)).rejects.toMatchObject({ kind: 'expired' });
    await expect(
      reopened.connectAccount({ platform: 'x', token: 'not-a-valid-token' }),
    ).rejects.toMatchObject({
      kind: 'expired',
    });
    await reopened.close();
  });
});

describe('sync progress', () => {
  it('reports Facebook comments fetched against the count the platform gives', async () => {
    const service = await open();
    const { fb } = await connectAll(service);
    const progress: { fetched: number; estimated: number | null; done: boolean }[] = [];
    service.onEvent((e) => {
      if (e.type === 'sync.progress' && e.progress.accountId === fb.id) progress.push(e.progress);
    });
    await service.syncAccountOnce(fb.id);
    expect(progress.at(-1)).toEqual(
      expect.objectContaining({ fetched: 4, estimated: 4, done: true }),
    );
    await service.close();
  });
});

describe('appsecret_proof', () => {
  it('proves every Graph call with the app secret when the app requires it', async () => {
    const secret = 'app-secret-for-tests-0001';
    const strict = await startEmulator({
      now: () => clock.now(),
      scenario: parseScenario({
        ...smallScenario(),
        facebook: {
          ...smallScenario().facebook,
          app_secret: secret,
          require_appsecret_proof: true,
        },
      }),
      port: 0,
    });
    try {
      const withProof = await InboxService.open({
        clock,
        dataDir: dir,
        graphBaseUrl: strict.graphBaseUrl,
        graphAppSecret: secret,
      });
      const fb = await withProof.connectAccount({ platform: 'facebook', token: PAGE.token });
      await withProof.syncAccountOnce(fb.id);
      expect((await withProof.listConversations({ platform: 'facebook' })).total).toBe(2);
      await withProof.close();

      const without = await InboxService.open({
        clock,
        dataDir: dir,
        graphBaseUrl: strict.graphBaseUrl,
      });
      await expect(
        without.connectAccount({ platform: 'facebook', token: PAGE.token }),
      ).rejects.toMatchObject({
        kind: 'rejected',
        message: expect.stringContaining('appsecret_proof'),
      });
      await without.close();
    } finally {
      await strict.close();
    }
  });
});
