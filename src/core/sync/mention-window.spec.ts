import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { Emulator, EmulatorOptions } from '../../emulator/server';
import { PlatformError } from '../connectors/platform-error';
import { InboxService } from '../service';
import { tempDir } from '../test/fixtures';
import { BRAND_X, smallScenario } from '../test/scenario';
import { MemorySecretStore } from '../secrets/secret-store';
import { ManualClock } from '../time/clock';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Running {
  emulator: Emulator;
  service: InboxService;
  dir: string;
  secrets: MemorySecretStore;
  cleanup: () => Promise<void>;
}
const running: Running[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.service.close();
    await r.emulator.close();
    await r.cleanup();
  }
});

/** An emulator and an inbox on one hand-moved clock, the brand's X account connected and read. */
async function setUp(clock: ManualClock, options: Partial<EmulatorOptions> = {}) {
  const { dir, cleanup } = await tempDir();
  const emulator = await startEmulator({
    now: () => clock.now(),
    scenario: parseScenario(smallScenario()),
    ...options,
  });
  const secrets = new MemorySecretStore();
  const service = await open(clock, emulator, dir, secrets);
  const run: Running = { emulator, service, dir, secrets, cleanup };
  running.push(run);
  const x = await run.service.connectAccount({ platform: 'x', token: BRAND_X.token });
  await run.service.syncAccountOnce(x.id);
  return { run, x, initial: await total(run.service) };
}

/** The inbox on its data folder, its credentials kept in `secrets` as in the keychain. */
function open(clock: ManualClock, emulator: Emulator, dir: string, secrets: MemorySecretStore) {
  return InboxService.open({
    clock,
    secrets,
    dataDir: dir,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
  });
}

async function total(service: InboxService) {
  return (await service.listConversations({ platform: 'x', limit: 1 })).total;
}

/**
 * `count` new mentions of the brand, `everyMs` apart on the clock (`batch` at a time at one
 * instant, when their spacing does not matter); their ids, oldest first.
 */
async function arrive(
  emulator: Emulator,
  clock: ManualClock,
  count: number,
  everyMs: number,
  batch = 1,
) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += batch) {
    clock.advance(everyMs * Math.min(batch, count - i));
    const sent = Array.from({ length: Math.min(batch, count - i) }, async (_, k) => {
      const n = i + k;
      const response = await fetch(`${emulator.url}/__emulator/arrivals`, {
        method: 'POST',
        body: JSON.stringify({
          platform: 'x',
          text: `@${BRAND_X.username} where is my order ${n}?`,
          author: { username: `buyer_${n % 400}`, name: `Buyer ${n % 400}`, followers: 3 },
        }),
      });
      return ((await response.json()) as { data: { id: string } }).data.id;
    });
    ids.push(...(await Promise.all(sent)));
  }
  return ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/** Uses up the mentions window of the brand's token, as a burst of polls would. */
async function useUpMentions(emulator: Emulator) {
  for (;;) {
    const response = await fetch(`${emulator.xBaseUrl}/2/users/${BRAND_X.id}/mentions`, {
      headers: { authorization: `Bearer ${BRAND_X.token}` },
    });
    await response.arrayBuffer();
    if (response.status === 429) return;
  }
}

/**
 * Passes over the account until one completes, the clock moved to each pause's end in between;
 * the pauses taken, in order.
 */
async function syncThroughPauses(service: InboxService, clock: ManualClock, accountId: string) {
  const pauses: string[] = [];
  for (let i = 0; i < 50; i++) {
    try {
      await service.syncAccountOnce(accountId);
      return pauses;
    } catch (err) {
      if (!(err instanceof PlatformError) || err.kind !== 'rate_limited') throw err;
      pauses.push(err.message);
      clock.set(err.resumeAt(clock.now())!.getTime() + 1000);
    }
  }
  throw new Error('sync never completed');
}

/** How many of these X ids start a conversation of one post in the inbox. */
async function stored(service: InboxService, ids: string[]) {
  const roots = new Map<string, number>();
  let cursor: string | null = null;
  do {
    const page = await service.listConversations({
      platform: 'x',
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    for (const c of page.items) roots.set(c.rootPostId, c.postCount);
    cursor = page.nextCursor;
  } while (cursor);
  return ids.filter((id) => roots.get(`x:${id}`) === 1).length;
}

describe('the 800-mention window of X', () => {
  it('fills from recent search the mentions a pause left beyond the window: all 3,000, none twice', async () => {
    const clock = new ManualClock('2026-11-20T10:00:00Z');
    const { run, x, initial } = await setUp(clock, {
      rateLimits: { 'GET /2/users/:id/mentions': 5, 'GET /2/tweets/search/recent': 9 },
    });
    await useUpMentions(run.emulator);
    await expect(run.service.syncAccountOnce(x.id)).rejects.toMatchObject({
      kind: 'rate_limited',
    });
    const ids = await arrive(run.emulator, clock, 3000, 1000, 25);
    clock.advance(15 * MINUTE);

    // The mentions timeline serves 800 (through a pause of its own); search then fills 900 (its
    // window) and waits for its reset.
    const pauses = await syncThroughPauses(run.service, clock, x.id);
    expect(pauses).toHaveLength(1);
    expect(await total(run.service)).toBe(initial + 800 + 900);
    // Meanwhile polling goes on: a mention arriving now is read at once.
    const late = await arrive(run.emulator, clock, 1, MINUTE);
    await syncThroughPauses(run.service, clock, x.id);
    expect(await stored(run.service, late)).toBe(1);
    expect(await total(run.service)).toBe(initial + 800 + 900 + 1);
    // Search's next windows bring the rest.
    for (let i = 0; i < 12 && (await total(run.service)) < initial + 3001; i++) {
      clock.advance(5 * MINUTE);
      await syncThroughPauses(run.service, clock, x.id);
    }
    expect(await total(run.service)).toBe(initial + 3001);
    expect(await stored(run.service, ids)).toBe(3000);
    expect((await run.service.listAccounts()).find((a) => a.id === x.id)?.gaps).toBeUndefined();
    // Another pass finds nothing more to do and stores nothing again.
    clock.advance(15 * MINUTE);
    await syncThroughPauses(run.service, clock, x.id);
    expect(await total(run.service)).toBe(initial + 3001);
  }, 120_000);

  it('finds the older pages of a chain that more mentions pushed out of the window during its pause', async () => {
    const clock = new ManualClock('2026-11-20T10:00:00Z');
    const { run, x, initial } = await setUp(clock, {
      rateLimits: { 'GET /2/users/:id/mentions': 3 },
    });
    clock.advance(15 * MINUTE);
    const first = await arrive(run.emulator, clock, 500, 1000, 25);
    clock.advance(15 * MINUTE);
    // Three pages of the five, then the window is used up.
    await expect(run.service.syncAccountOnce(x.id)).rejects.toMatchObject({
      kind: 'rate_limited',
    });
    expect(await total(run.service)).toBe(initial + 300);
    // During the pause 1,000 more arrive: the 200 older ones are no longer among the newest 800.
    const second = await arrive(run.emulator, clock, 1000, 500, 25);
    clock.advance(15 * MINUTE);
    for (let i = 0; i < 10 && (await total(run.service)) < initial + 1500; i++) {
      await syncThroughPauses(run.service, clock, x.id);
      clock.advance(MINUTE);
    }
    expect(await stored(run.service, [...first, ...second])).toBe(1500);
    expect(await total(run.service)).toBe(initial + 1500);
    expect((await run.service.listAccounts()).find((a) => a.id === x.id)?.gaps).toBeUndefined();
  }, 120_000);

  it('resumes a fill stopped by a crash where it stood, losing and repeating nothing', async () => {
    const clock = new ManualClock('2026-11-20T10:00:00Z');
    const { run, x, initial } = await setUp(clock, {
      rateLimits: { 'GET /2/tweets/search/recent': 100 },
    });
    const ids = await arrive(run.emulator, clock, 1500, 2000, 25);
    // The fourth search page never answers: the inbox stops there, as if it had crashed.
    run.emulator.injectFault({
      platform: 'x',
      kind: 'reset',
      path: 'tweets/search/recent',
      skip: 3,
    });
    await expect(run.service.syncAccountOnce(x.id)).rejects.toBeInstanceOf(PlatformError);
    const partial = await total(run.service);
    expect(partial).toBe(initial + 800 + 300);
    await run.service.close();
    run.service = await open(clock, run.emulator, run.dir, run.secrets);
    await syncThroughPauses(run.service, clock, x.id);
    expect(await total(run.service)).toBe(initial + 1500);
    expect(await stored(run.service, ids)).toBe(1500);
    // Search was asked 3 pages, then the 4 left after the 300 it had given: not the first 3 again.
    const probe = await fetch(`${run.emulator.xBaseUrl}/2/tweets/search/recent?query=nothing`, {
      headers: { authorization: `Bearer ${BRAND_X.token}` },
    });
    expect(probe.headers.get('x-rate-limit-remaining')).toBe(String(100 - 3 - 4 - 1));
  }, 120_000);

  it('reports the mentions older than search reaches: how many, since when', async () => {
    const clock = new ManualClock('2026-11-20T10:00:00Z');
    const { run, x, initial } = await setUp(clock);
    // The last pass saw every mention made before it began.
    const sinceAt = new Date(clock.now()).toISOString();
    // 2,000 mentions over 10 days, one every 7.2 minutes, while the inbox is not running.
    const ids = await arrive(run.emulator, clock, 2000, 7.2 * MINUTE);
    // Search reaches 7 days back, less a minute's margin.
    const edge = clock.now() - 7 * DAY + MINUTE;
    const outOfReach = ids.filter((id) => timeOf(id) < edge);
    expect(outOfReach.length).toBeGreaterThan(500);
    await syncThroughPauses(run.service, clock, x.id);
    expect(await total(run.service)).toBe(initial + 2000 - outOfReach.length);
    expect(await stored(run.service, ids)).toBe(2000 - outOfReach.length);
    const account = (await run.service.listAccounts()).find((a) => a.id === x.id)!;
    expect(account.gaps).toHaveLength(1);
    const gap = account.gaps![0]!;
    expect(gap).toMatchObject({ stream: 'mentions', reason: 'beyond-search', since: sinceAt });
    expect(gap.until).toBe(new Date(edge).toISOString());
    // Estimated from the rate of those read: within 1 % of the truth.
    expect(Math.abs(gap.missing - outOfReach.length)).toBeLessThanOrEqual(outOfReach.length / 100);
    // The reports of a range it overlaps say so; those of other ranges do not.
    const iso = (ms: number) => new Date(ms).toISOString();
    const during = await run.service.getReport({ from: iso(edge - DAY), to: iso(edge) });
    expect(during.missing).toEqual([gap]);
    const after = await run.service.getReport({ from: iso(edge), to: iso(clock.now() + MINUTE) });
    expect(after.missing).toBeUndefined();
    expect(after.team.conversations).toBe(2000 - outOfReach.length);
  }, 120_000);

  it('waits for search after its 429 while polling goes on, and records the gap when search refuses', async () => {
    const clock = new ManualClock('2026-11-20T10:00:00Z');
    const { run, x, initial } = await setUp(clock);
    const since = await lastMention(run);
    await arrive(run.emulator, clock, 1000, 1000);
    run.emulator.injectFault({ platform: 'x', kind: 'error', status: 429, path: 'search' });
    await run.service.syncAccountOnce(x.id);
    expect(await total(run.service)).toBe(initial + 800);
    // A 429 without a reset: X's 15-minute window.
    clock.advance(14 * MINUTE);
    await run.service.syncAccountOnce(x.id);
    expect(await total(run.service)).toBe(initial + 800);
    clock.advance(MINUTE);
    await run.service.syncAccountOnce(x.id);
    expect(await total(run.service)).toBe(initial + 1000);

    expect(timeOf(await lastMention(run))).toBeGreaterThan(timeOf(since));
    const polledAt = clock.now();
    await arrive(run.emulator, clock, 1000, 1000);
    run.emulator.injectFault({ platform: 'x', kind: 'error', status: 400, path: 'search' });
    await syncThroughPauses(run.service, clock, x.id);
    expect(await total(run.service)).toBe(initial + 1800);
    const gaps = (await run.service.listAccounts()).find((a) => a.id === x.id)!.gaps!;
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({
      reason: 'search-refused',
      since: new Date(polledAt).toISOString(),
    });
    // 200 left out (between the last poll and the 800 served), estimated from those 800.
    expect(Math.abs(gaps[0]!.missing - 200)).toBeLessThanOrEqual(2);
  }, 120_000);
});

/** The newest mention X serves: where the inbox's mentions cursor stands after a pass. */
async function lastMention(run: Running): Promise<string> {
  const response = await fetch(
    `${run.emulator.xBaseUrl}/2/users/${BRAND_X.id}/mentions?max_results=5`,
    { headers: { authorization: `Bearer ${BRAND_X.token}` } },
  );
  return ((await response.json()) as { data: { id: string }[] }).data[0]!.id;
}

/** When an X id (a snowflake) was made, in epoch ms. */
function timeOf(id: string): number {
  return Number((BigInt(id) >> 22n) + 1288834974657n);
}
