import { describe, expect, it } from 'vitest';
import type { ConversationPage } from '../shared';
import {
  NO_TEST_SERVER,
  createTestDatabase,
  testServerUrl,
} from '../core/store/test/pg-test-database';
import { tempDir } from '../core/test/fixtures';
import { useCleanups } from '../core/test/inbox-harness';
import { BRAND_X, smallScenario } from '../core/test/scenario';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { hubResult } from './test/hub-calls';
import { startHubProcess } from './test/hub-process';

const server = testServerUrl();
const cleanup = useCleanups();

/** The database's URL with a password in it (the test server's, or one it does not check). */
function withPassword(url: string): { url: string; password: string } {
  const parsed = new URL(url);
  if (!parsed.password) parsed.password = 'Pg-pass-7f3a9c';
  return { url: parsed.toString(), password: decodeURIComponent(parsed.password) };
}

describe.skipIf(server == null)(
  `The hub's log${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('is JSON lines with no token, password, cookie or database password in them', async () => {
      const db = await createTestDatabase(server!);
      cleanup(db.drop);
      const { url, password } = withPassword(db.url);
      const emulator = await startEmulator({
        scenario: parseScenario(smallScenario(2)),
        port: 0,
        shiftToNow: true,
      });
      cleanup(() => emulator.close());
      const { dir, cleanup: remove } = await tempDir();
      cleanup(remove);
      const args = [
        ...['--port', '0', '--data', dir, '--poll', '600000'],
        ...['--x-base-url', emulator.xBaseUrl, '--graph-base-url', emulator.graphBaseUrl],
        // Translations fail (nothing listens there): each request for one is logged, as failed.
        ...['--translation', 'libretranslate', '--libretranslate-url', 'http://127.0.0.1:1'],
      ];
      const env = { SOCIAL_INBOX_DATABASE_URL: url, SOCIAL_INBOX_TEST_X_TOKENS: BRAND_X.token };
      // The first start shows the first manager's token once, by design; the run scanned is the next.
      const first = await startHubProcess(args, { entry: 'ops', env, timeoutMs: 60_000 });
      const token = first.managerToken!;
      await first.stop();
      const hub = await startHubProcess(args, { entry: 'ops', env, timeoutMs: 60_000 });
      cleanup(() => hub.stop());

      let page: ConversationPage | null = null;
      await expect
        .poll(
          async () =>
            (page = await hubResult<ConversationPage>(
              hub.url,
              token,
              'GET',
              '/api/conversations?platform=x&limit=1',
            )).items.length,
          { timeout: 20_000 },
        )
        .toBe(1);
      const querySecret = 'qs-4b1d-secret';
      const failed = await fetch(`${hub.url}/api/posts/translate?access_token=${querySecret}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          cookie: `inbox_session=${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          postId: page!.items[0]!.rootPostId,
          // Another language than the post's: the service is asked.
          target: page!.items[0]!.language === 'de' ? 'nl' : 'de',
        }),
      });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      const wrong = 'sia_not-a-real-token-0123456789';
      expect(
        (await fetch(`${hub.url}/api/session`, { headers: { authorization: `Bearer ${wrong}` } }))
          .status,
      ).toBe(401);
      const signIn = await fetch(`${hub.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      const cookie = signIn.headers.get('set-cookie')!;
      expect(cookie).toBeTruthy();
      await hub.stop();

      const log = hub.lines.join('\n');
      // Not vacuous: the failed request is there, with its URL and the password-free database.
      const json = hub.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as object);
      expect(json).toContainEqual(
        expect.objectContaining({
          msg: 'request failed',
          req: expect.objectContaining({
            url: '/api/posts/translate?access_token=%5Bredacted%5D',
          }) as unknown,
        }),
      );
      expect(json).toContainEqual(
        expect.objectContaining({ msg: expect.stringMatching(/^draining/) }),
      );
      for (const secret of [token, wrong, querySecret, password, url, BRAND_X.token, cookie])
        expect(log).not.toContain(secret);
    });
  },
);
