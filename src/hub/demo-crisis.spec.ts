import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useCleanups } from '../core/test/inbox-harness';
import { tempDir } from '../core/test/fixtures';
import { MemorySecretStore } from '../core/secrets/secret-store';
import { InboxService } from '../core/service';
import { clockStartingAt } from '../core/time/clock';
import { loadScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';

const DEMO = fileURLToPath(new URL('../../resources/demo-scenario.json', import.meta.url));
const cleanup = useCleanups();

/**
 * The demo as `npm run web` serves it (src/hub/demo.ts): the shipped scenario shifted to the
 * inbox's now, its X account and Pages connected and synced. Its crisis view must show the crisis.
 */
describe('the demo’s crisis', () => {
  // Any instant does, at any minute of the hour: the scenario is moved to it.
  for (const now of ['2031-05-14T09:37:12.000Z', '2029-01-02T23:02:00.000Z'])
    it(`shows a tenfold spike and a story in three languages in the last 24 hours (now: ${now})`, async () => {
      const clock = clockStartingAt(now);
      const scenario = await loadScenario(DEMO);
      const emulator = await startEmulator({
        scenario,
        port: 0,
        shiftToNow: true,
        now: () => clock.now(),
      });
      cleanup(() => emulator.close());
      const { dir, cleanup: removeDir } = await tempDir();
      cleanup(removeDir);
      const service = await InboxService.open({
        dataDir: dir,
        xBaseUrl: emulator.xBaseUrl,
        graphBaseUrl: emulator.graphBaseUrl,
        secrets: new MemorySecretStore(),
        clock,
      });
      cleanup(() => service.close());
      const accounts = [
        ...scenario.x.accounts.map((a) => ({ platform: 'x' as const, token: a.access_token })),
        ...scenario.facebook.pages.map((p) => ({
          platform: 'facebook' as const,
          token: p.access_token,
        })),
      ];
      for (const input of accounts) {
        const account = await service.connectAccount(input);
        await service.syncAccountOnce(account.id);
      }

      const view = await service.getCrisis({ window: '24h' });
      // The hidden-camera report's link, shared in every language within the hour.
      const story = view.clusters.find((c) => c.size >= 15 && c.languages.length >= 3);
      expect(
        story,
        JSON.stringify(view.clusters.map((c) => [c.size, c.languages, c.shared])),
      ).toBeDefined();
      expect(story!.shared).toContain('youtube.com/watch?v=Kq3oatVt9Xs');
      expect(story!.byLanguage.reduce((n, l) => n + l.conversationIds.length, 0)).toBe(story!.size);
      expect(view.usualPerHour).toBeGreaterThan(0);
      expect(view.spike).not.toBeNull();
      expect(view.spike!.ratio).toBeGreaterThanOrEqual(10);
      expect(view.spike!.arrivals).toBeGreaterThanOrEqual(10 * view.usualPerHour);
      expect(Date.parse(view.spike!.start)).toBeGreaterThanOrEqual(Date.parse(view.from));
    });
});
