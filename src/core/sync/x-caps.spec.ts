import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared';
import { USAGE_CAP_RECHECK_MS } from '../connectors/x/x-client';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { smallScenario } from '../test/scenario';

/**
 * X's limits and refusals beyond the 15-minute windows, played by the emulator and met by the real
 * connector, sync loop and outbox: what the account's status says, and until when.
 */

const cleanup = useCleanups();
const journalistQuestion = `x:${smallScenario().x!.tweets![4]!.id}`;

async function setUp(emulator: Parameters<typeof inboxOnEmulator>[1] = {}) {
  const harness = await inboxOnEmulator(cleanup, {
    sync: ['x'],
    service: { pollIntervalMs: 100, retryBaseMs: 50, requestTimeoutMs: 1000 },
    ...emulator,
  });
  const xAccount = async (): Promise<Account> =>
    (await harness.service.listAccounts()).find((a) => a.id === harness.x.id)!;
  const reply = (text: string, kind: 'public' | 'private' = 'public') =>
    harness.service.sendReply({
      conversationId: journalistQuestion,
      replyTo: journalistQuestion,
      kind,
      text,
    });
  const item = (key: string) =>
    harness.service
      .replies()
      .list()
      .find((i) => i.key === key);
  return { ...harness, xAccount, reply, item };
}

describe('X limits and refusals through the connector', () => {
  it('holds the account on the monthly usage cap and says when it looks again', async () => {
    const { emulator, service, clock, xAccount } = await setUp();
    emulator.injectFault({
      platform: 'x',
      kind: 'usage-capped',
      path: '/mentions',
      times: Infinity,
    });
    const before = clock.now();
    service.startSync();
    await expect
      .poll(async () => (await xAccount()).sync.state, { timeout: 5000 })
      .toBe('rate-limited');
    const { sync } = await xAccount();
    expect(sync.reason).toBe('usage-cap');
    expect(sync.message).toMatch(/monthly usage cap/);
    const until = Date.parse(sync.until!);
    expect(until).toBeGreaterThanOrEqual(before + USAGE_CAP_RECHECK_MS);
    expect(until).toBeLessThan(clock.now() + USAGE_CAP_RECHECK_MS + 1000);
  });

  it('pauses at the reset an injected 429 carries in its x-rate-limit headers', async () => {
    const { emulator, service, clock, xAccount } = await setUp({
      emulator: { rateLimitWindowMs: 60_000 },
    });
    emulator.injectFault({
      platform: 'x',
      kind: 'error',
      status: 429,
      path: '/mentions',
      times: Infinity,
    });
    service.startSync();
    await expect
      .poll(async () => (await xAccount()).sync.state, { timeout: 5000 })
      .toBe('rate-limited');
    const { sync } = await xAccount();
    // The emulator's window here is a minute: its reset, not the 15 minutes assumed without headers.
    expect(Date.parse(sync.until!) - clock.now()).toBeLessThanOrEqual(60_000);
    expect(Date.parse(sync.until!) % 1000).toBe(0);
    expect(sync.reason ?? null).toBeNull();
  });

  it('asks to reconnect and grant access on 403 client-forbidden, and stops the account', async () => {
    const { emulator, service, xAccount } = await setUp();
    emulator.injectFault({
      platform: 'x',
      kind: 'client-forbidden',
      path: '/mentions',
      times: Infinity,
    });
    service.startSync();
    await expect.poll(async () => (await xAccount()).sync.state, { timeout: 5000 }).toBe('revoked');
    const { sync } = await xAccount();
    expect(sync).toMatchObject({ reason: 'permissions', until: null });
    expect(sync.message).toMatch(/reconnect the account and grant/);
  });

  it('holds posting at the 24-hour cap until its reset, and reads on meanwhile', async () => {
    const { emulator, service, xAccount, reply, item, clock } = await setUp({
      emulator: { postingCaps: { user24h: 1 } },
    });
    const first = await reply('Dag Jan, we kijken het na.');
    await expect.poll(() => item(first.key)?.state, { timeout: 5000 }).toBe('sent');
    const second = await reply('Dag Jan, hier is het antwoord.');
    await expect
      .poll(async () => (await xAccount()).sync.reason, { timeout: 5000 })
      .toBe('daily-cap');
    const { sync } = await xAccount();
    expect(sync.state).toBe('rate-limited');
    const until = Date.parse(sync.until!);
    expect(until).toBeGreaterThan(clock.now() + 23 * 3600_000);
    expect(until).toBeLessThanOrEqual(clock.now() + 24 * 3600_000);
    expect(item(second.key)).toMatchObject({
      state: 'pending',
      error: expect.stringMatching(/24-hour posting limit/),
    });
    expect(emulator.writes().filter((w) => w.action === 'tweet')).toHaveLength(1);

    // Reading goes on while posting waits, and the status keeps saying until when.
    const synced = sync.lastSyncAt;
    service.startSync();
    await expect
      .poll(async () => (await xAccount()).sync.lastSyncAt, { timeout: 5000 })
      .not.toBe(synced);
    expect((await xAccount()).sync).toMatchObject({ state: 'rate-limited', reason: 'daily-cap' });
  });

  it('holds posting on an injected daily-cap fault, with the reset X gave', async () => {
    const { emulator, xAccount, reply, item, clock } = await setUp();
    emulator.injectFault({ platform: 'x', kind: 'daily-cap', path: /^\/2\/tweets$/ });
    const queued = await reply('Dag Jan, een ogenblik.');
    await expect
      .poll(async () => (await xAccount()).sync.reason, { timeout: 5000 })
      .toBe('daily-cap');
    const until = Date.parse((await xAccount()).sync.until!);
    expect(Math.abs(until - (clock.now() + 24 * 3600_000))).toBeLessThan(5000);
    expect(item(queued.key)?.state).toBe('pending');
    expect(emulator.writes()).toEqual([]);
  });

  it('fails a direct message X refuses for that user, and leaves the account as it was', async () => {
    const { emulator, reply, item, xAccount } = await setUp();
    emulator.injectFault({ platform: 'x', kind: 'dm-forbidden', path: '/messages' });
    const queued = await reply('Jan, we sturen u een bericht.', 'private');
    await expect.poll(() => item(queued.key)?.state, { timeout: 5000 }).toBe('failed');
    expect(item(queued.key)?.error).toMatch(/cannot send messages to this user/);
    expect((await xAccount()).sync.reason ?? null).toBeNull();
    expect(emulator.writes()).toEqual([]);
  });
});
