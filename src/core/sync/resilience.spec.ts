import { afterEach, describe, expect, it } from 'vitest';
import type { AccountState, InboxEvent } from '../../shared';
import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { EmulatorOptions } from '../../emulator/server';
import { InboxService } from '../service';
import { tempDir } from '../test/fixtures';
import { BRAND_X, PAGE, connectAll, smallScenario } from '../test/scenario';
import { clockStartingAt } from '../time/clock';

/** The inbox and the emulator live at the scenario's date, whatever today's date is. */
const clock = clockStartingAt(smallScenario().anchor);

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
const running: { emulator: Emulator; service: InboxService; cleanup: () => Promise<void> }[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.service.close();
    await r.emulator.close();
    await r.cleanup();
  }
});

/** An emulator with `extra` X mentions (3 pages at 250) and a service syncing it, with the states seen. */
async function setUp(extra: number, options: Partial<EmulatorOptions> = {}) {
  const { dir, cleanup } = await tempDir();
  const emulator = await startEmulator({
    now: () => clock.now(),
    scenario: parseScenario(smallScenario(extra)),
    port: 0,
    ...options,
  });
  const service = await InboxService.open({
    clock,
    dataDir: dir,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
    pollIntervalMs: 200,
    retryBaseMs: 50,
  });
  running.push({ emulator, service, cleanup });
  const states: { state: AccountState; until: string | null; id: string }[] = [];
  service.onEvent((e: InboxEvent) => {
    if (e.type === 'account.status')
      states.push({ state: e.account.sync.state, until: e.account.sync.until, id: e.account.id });
  });
  const { x, fb } = await connectAll(service);
  return { emulator, service, states, x, fb };
}

async function total(service: InboxService, platform: 'x' | 'facebook') {
  return (await service.listConversations({ platform, limit: 1 })).total;
}

/** Every conversation's post count, to compare exact contents. */
async function counts(service: InboxService) {
  const page = await service.listConversations({ limit: 500 });
  return page.items.map((c) => `${c.id}:${c.postCount}`).sort();
}

describe('sync through platform trouble', () => {
  it('pauses on a 429 in the middle of a backfill, resumes at the reset, and stores each post once', async () => {
    // Two mention pages per 1.5 s window: the third page of the backfill gets a 429.
    const { service, states, x } = await setUp(250, {
      rateLimits: { 'GET /2/users/:id/mentions': 2 },
      rateLimitWindowMs: 1500,
    });
    service.startSync();
    await expect
      .poll(() => states.some((s) => s.id === x.id && s.state === 'rate-limited'), {
        timeout: 5000,
      })
      .toBe(true);
    const limited = states.find((s) => s.state === 'rate-limited')!;
    expect(Date.parse(limited.until!)).toBeGreaterThan(clock.now() - 2000);
    await expect.poll(() => total(service, 'x'), { timeout: 10_000 }).toBe(252);
    await expect
      .poll(() => states.filter((s) => s.id === x.id).at(-1)?.state, { timeout: 5000 })
      .toBe('connected');
    const thread = (await service.listConversations({ limit: 500 })).items.find(
      (c) => c.postCount === 4,
    );
    expect(thread?.platform).toBe('x');
  });

  it('backs off through three server errors in a row and loses nothing', async () => {
    const { emulator, service, states, x, fb } = await setUp(120);
    emulator.injectFault({ platform: 'x', kind: 'error', status: 503, times: 3 });
    emulator.injectFault({ platform: 'graph', kind: 'error', status: 500, times: 3 });
    service.startSync();
    await expect.poll(() => total(service, 'x'), { timeout: 10_000 }).toBe(122);
    await expect.poll(() => total(service, 'facebook'), { timeout: 10_000 }).toBe(2);
    expect(states.filter((s) => s.id === x.id && s.state === 'error').length).toBe(3);
    expect(states.filter((s) => s.id === fb.id && s.state === 'error').length).toBe(3);
    const before = await counts(service);
    await new Promise((r) => setTimeout(r, 600)); // a few more polls
    expect(await counts(service)).toEqual(before);
  });

  it('marks accounts whose token was revoked and stops syncing them', async () => {
    const { emulator, service, states, x, fb } = await setUp(10);
    await service.syncAccountOnce(x.id);
    await service.syncAccountOnce(fb.id);
    expect(emulator.revokeToken(BRAND_X.token)).toBe(true);
    expect(emulator.revokeToken(PAGE.token)).toBe(true);
    service.startSync();
    await expect
      .poll(() => states.filter((s) => s.id === x.id).at(-1)?.state, { timeout: 5000 })
      .toBe('expired');
    await expect
      .poll(() => states.filter((s) => s.id === fb.id).at(-1)?.state, { timeout: 5000 })
      .toMatch(/^(expired|revoked)$/);
    const accounts = await service.listAccounts();
    expect(accounts.find((a) => a.id === x.id)?.sync.message).toMatch(/token/i);
    const seen = states.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(states.length).toBe(seen); // no further passes
    expect(await total(service, 'x')).toBe(12);
  });
});

describe('pacing by the platforms’ usage headers', () => {
  it('pauses a Page before Graph’s limit, after storing what it fetched', async () => {
    const { dir, cleanup } = await tempDir();
    const scenario = {
      ...smallScenario(),
      synthetic: { x_mentions: 0, facebook_comments: 2000, seed: 3 },
    };
    // 24 calls a day for the Page: the 23rd answer reports over 95% used.
    const emulator = await startEmulator({
      now: () => clock.now(),
      scenario: parseScenario(scenario),
      port: 0,
      graphBudget: { pageCallsPerDay: 24 },
    });
    const service = await InboxService.open({
      clock,
      dataDir: dir,
      xBaseUrl: emulator.xBaseUrl,
      graphBaseUrl: emulator.graphBaseUrl,
    });
    running.push({ emulator, service, cleanup });
    const fb = await service.connectAccount({ platform: 'facebook', token: PAGE.token });
    const error = await service.syncAccountOnce(fb.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      message: expect.stringMatching(/usage at \d+%/),
    });
    expect((error as { retryAt: Date }).retryAt.getTime()).toBeGreaterThan(
      clock.now() + 9 * 60_000,
    );
    const stored = await total(service, 'facebook');
    expect(stored).toBeGreaterThan(1000);
    expect(stored).toBeLessThan(2002);
  });
});
