import { describe, expect, it } from 'vitest';
import type { ConversationPage } from '../shared';
import { HubReadySchema } from '../shared';
import { SqliteStore } from '../core/store/sql/sqlite-store';
import { tempDir } from '../core/test/fixtures';
import { useCleanups } from '../core/test/inbox-harness';
import { BRAND_X, smallScenario } from '../core/test/scenario';
import { ManualClock } from '../core/time/clock';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { openEvents } from './test/event-client';
import { hubCall, hubResult } from './test/hub-calls';
import { startHubProcess } from './test/hub-process';

const cleanup = useCleanups();

describe('a hub stopped with SIGTERM', () => {
  it('drains: not ready, event clients told to reconnect, the reply being sent finished, the queued one kept, exit 0', async () => {
    const emulator = await startEmulator({
      scenario: parseScenario(smallScenario(3)),
      port: 0,
      shiftToNow: true,
    });
    cleanup(() => emulator.close());
    const { dir, cleanup: remove } = await tempDir();
    cleanup(remove);
    const hub = await startHubProcess(
      [
        ...['--port', '0', '--data', dir, '--poll', '600000', '--drain-delay', '1500'],
        ...['--x-base-url', emulator.xBaseUrl, '--graph-base-url', emulator.graphBaseUrl],
      ],
      { entry: 'ops', env: { SOCIAL_INBOX_TEST_X_TOKENS: BRAND_X.token }, timeoutMs: 60_000 },
    );
    cleanup(() => hub.stop());
    const token = hub.managerToken!;
    expect((await hubCall(hub.url, null, 'GET', '/api/ready')).status).toBe(200);
    let page: ConversationPage = { items: [], total: 0 } as unknown as ConversationPage;
    await expect
      .poll(
        async () =>
          (page = await hubResult<ConversationPage>(
            hub.url,
            token,
            'GET',
            '/api/conversations?platform=x&limit=2',
          )).items.length,
        { timeout: 20_000 },
      )
      .toBe(2);
    const events = await openEvents(hub.url, token);
    const exited = new Promise<number | null>((resolve) =>
      hub.child.once('exit', (code) => resolve(code)),
    );
    // The platform takes 2.5 s to answer the first reply: it is being sent when the stop comes.
    emulator.injectFault({ platform: 'x', kind: 'slow', delayMs: 2500, path: /^\/2\/tweets$/ });
    const [first, second] = page.items;
    for (const c of [first!, second!])
      await hubResult(hub.url, token, 'POST', '/api/replies', {
        conversationId: c.id,
        replyTo: c.rootPostId,
        text: `On it (${c.id})`,
      });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const stoppedAt = performance.now();
    hub.child.kill('SIGTERM');

    // Still answering while the proxy notices, but not ready.
    let ready = await hubCall(hub.url, null, 'GET', '/api/ready');
    await expect
      .poll(async () => (ready = await hubCall(hub.url, null, 'GET', '/api/ready')).status, {
        timeout: 1000,
        interval: 50,
      })
      .toBe(503);
    expect(ready.envelope).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const details = (ready.envelope as { error: { details: unknown } }).error.details;
    expect(HubReadySchema.parse(details)).toEqual({ ready: false, reason: 'draining' });

    expect(await events.closed).toEqual({
      code: 1012,
      reason: 'the hub is restarting: connect again',
    });
    expect(await exited).toBe(0);
    // It waited for the platform's answer to the reply in flight.
    expect(performance.now() - stoppedAt).toBeGreaterThan(2000);
    expect(hub.lines.join('\n')).toMatch(/SIGTERM: draining[\s\S]*Stopped/);

    const tweets = emulator.writes().filter((w) => w.action === 'tweet');
    expect(tweets.map((w) => w.text)).toEqual([`On it (${first!.id})`]);
    const store = SqliteStore.open(dir, { clock: new ManualClock(0), readOnly: true });
    try {
      const states = (await store.outbox.all()).map((i) => [i.conversationId, i.state]);
      expect(states).toEqual(
        expect.arrayContaining([
          [first!.id, 'sent'],
          [second!.id, 'pending'],
        ]),
      );
    } finally {
      await store.close();
    }
  });
});
