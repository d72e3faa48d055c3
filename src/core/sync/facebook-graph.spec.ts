import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../shared';
import { NEWEST_GRAPH_VERSION } from '../../shared/graph-versions';
import { parseScenario } from '../../emulator/scenario';
import type { ScenarioInput } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { EmulatorOptions } from '../../emulator/server';
import { PlatformError } from '../connectors/platform-error';
import { InboxService } from '../service';
import type { InboxServiceOptions } from '../service-options';
import { tempDir } from '../test/fixtures';
import { PAGE, smallScenario } from '../test/scenario';
import { ManualClock } from '../time/clock';

/**
 * The Facebook connector against Graph as it really behaves (the emulator): Business Use Case
 * throttles, empty pages that still have `next`, permissions per token, versions and their end,
 * and comments on posts of any age.
 */

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

const MINUTE = 60_000;
const DAY = 86_400_000;

async function setUp(
  options: {
    scenario?: ScenarioInput;
    emulator?: Partial<EmulatorOptions>;
    service?: Partial<InboxServiceOptions>;
  } = {},
) {
  const scenario = options.scenario ?? smallScenario();
  const clock = new ManualClock(scenario.anchor);
  const emulator: Emulator = await startEmulator({
    scenario: parseScenario(scenario),
    port: 0,
    now: () => clock.now(),
    ...options.emulator,
  });
  cleanups.push(() => emulator.close());
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  const service = await InboxService.open({
    clock,
    dataDir: dir,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
    pollIntervalMs: 60 * MINUTE,
    retryBaseMs: 50,
    ...options.service,
  });
  cleanups.push(() => service.close());
  const fb = await service.connectAccount({ platform: 'facebook', token: PAGE.token });
  return { emulator, service, clock, fb };
}

const facebookTotal = async (service: InboxService) =>
  (await service.listConversations({ platform: 'facebook', limit: 1 })).total;

/** Every Facebook post stored, by id: a post twice would show as a count above 1. */
async function storedComments(service: InboxService): Promise<string[]> {
  const page = await service.listConversations({ platform: 'facebook', limit: 500 });
  const ids: string[] = [];
  for (const c of page.items) {
    const thread = await service.getConversation({ id: c.id });
    ids.push(...thread.posts.map((p) => p.externalId));
  }
  return ids.sort();
}

/** The account as the service last recorded it, once `ready` says so (the sync loop runs alone). */
async function accountWhen(
  service: InboxService,
  id: string,
  ready: (a: Account) => boolean,
): Promise<Account> {
  for (let i = 0; i < 200; i++) {
    const account = (await service.listAccounts()).find((a) => a.id === id);
    if (account && ready(account)) return account;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`account ${id} never reached the state looked for`);
}

/** A Page token that reads and answers comments, and may neither publish nor message. */
const READ_AND_ENGAGE = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
];

describe('Graph throttles', () => {
  it('pauses the Page until the Business Use Case says access is back, and says until when', async () => {
    const { emulator, service, clock, fb } = await setUp();
    emulator.injectFault({ platform: 'graph', kind: 'throttle', code: 80001, regainMinutes: 42 });
    const error = await service.syncAccountOnce(fb.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe('rate_limited');
    expect((error as PlatformError).resumeAt(clock.now())?.getTime()).toBe(
      clock.now() + 42 * MINUTE,
    );
    // Through the sync loop: the account is paused, dated by the platform's regain time.
    emulator.injectFault({ platform: 'graph', kind: 'throttle', code: 80001, regainMinutes: 42 });
    service.startSync();
    const paused = await accountWhen(service, fb.id, (a) => a.sync.state === 'rate-limited');
    expect(paused.sync.until).toBe(new Date(clock.now() + 42 * MINUTE).toISOString());
  });

  it('handles codes 4, 17 and 32 as rate limits, and loses nothing once they pass', async () => {
    const { emulator, service, clock, fb } = await setUp();
    for (const code of [4, 17, 32] as const) {
      emulator.injectFault({
        platform: 'graph',
        kind: 'throttle',
        code,
        path: '/comments',
        regainMinutes: 0,
      });
      const error = (await service
        .syncAccountOnce(fb.id)
        .catch((e: unknown) => e)) as PlatformError;
      expect(error.kind).toBe('rate_limited');
      // No regain time given: Graph's hour-long window.
      expect(error.resumeAt(clock.now())?.getTime()).toBe(clock.now() + 60 * MINUTE);
    }
    await service.syncAccountOnce(fb.id);
    expect(await storedComments(service)).toEqual([
      '5001_9001',
      '5001_9002',
      '5001_9003',
      '5001_9004',
    ]);
  });

  it('stops at the 80001 of a spent day and pauses for the estimated time Graph gives', async () => {
    const { service, clock, fb } = await setUp({
      emulator: { graphBudget: { pageCallsPerDay: 3 } },
    });
    clock.advance(5 * MINUTE);
    const error = (await service.syncAccountOnce(fb.id).catch((e: unknown) => e)) as PlatformError;
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toMatch(/code 80001/);
    // The connection's calls were made five minutes ago: they leave the rolling day in 23 h 56 min.
    expect(error.resumeAt(clock.now())?.getTime()).toBe(clock.now() + (24 * 60 - 4) * MINUTE);
  });
});

describe('Graph list pages', () => {
  it('follows an empty page that still has next instead of stopping there', async () => {
    const { emulator, service, fb } = await setUp();
    emulator.injectFault({ platform: 'graph', kind: 'empty-page', path: '/comments' });
    await service.syncAccountOnce(fb.id);
    expect(await storedComments(service)).toEqual([
      '5001_9001',
      '5001_9002',
      '5001_9003',
      '5001_9004',
    ]);
  });
});

describe('Graph permissions', () => {
  const withScopes = (scopes: string[]): ScenarioInput => {
    const scenario = smallScenario();
    scenario.facebook.pages = scenario.facebook.pages.map((p) => ({ ...p, scopes }));
    return scenario;
  };

  it('tells the account to reconnect and grant the permission a read was refused for', async () => {
    const { service, fb } = await setUp({
      scenario: withScopes(['pages_show_list', 'pages_read_engagement']),
    });
    service.startSync();
    const account = await accountWhen(service, fb.id, (a) => a.sync.permission != null);
    expect(account.sync).toMatchObject({ state: 'error', permission: 'pages_read_user_content' });
    expect(await facebookTotal(service)).toBe(0);
    // Connecting again clears it.
    const again = await service.connectAccount({ platform: 'facebook', token: PAGE.token });
    expect(again.sync.permission ?? null).toBeNull();
  });

  it('refuses a statement without pages_manage_posts and notes it on the account', async () => {
    const { service, emulator, fb } = await setUp({
      scenario: withScopes(READ_AND_ENGAGE),
    });
    await expect(
      service.postStatement({ accountId: fb.id, text: 'Notre point sur le rappel.' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(emulator.writes()).toEqual([]);
    const account = (await service.listAccounts()).find((a) => a.id === fb.id)!;
    expect(account.sync.permission).toBe('pages_manage_posts');
  });

  it('fails a private reply without pages_messaging and asks for it on the account', async () => {
    const { service, emulator, fb } = await setUp({
      scenario: withScopes(READ_AND_ENGAGE),
    });
    await service.syncAccountOnce(fb.id);
    const conversation = `facebook:5001_9004`;
    const receipt = await service.sendReply({
      conversationId: conversation,
      replyTo: conversation,
      kind: 'private',
      text: 'Nous vous écrivons en privé.',
    });
    const item = () =>
      service
        .replies()
        .list()
        .find((i) => i.key === receipt.key);
    await expect.poll(() => item()?.state, { timeout: 5_000 }).toBe('failed');
    expect(item()!.error).toMatch(/pages_messaging/);
    expect(emulator.writes()).toEqual([]);
    const account = await accountWhen(service, fb.id, (a) => a.sync.permission != null);
    expect(account.sync.permission).toBe('pages_messaging');
  });
});

describe('Graph versions', () => {
  it('calls the newest version Meta lists by default', async () => {
    const { service, fb } = await setUp();
    expect(NEWEST_GRAPH_VERSION).toBe('v26.0');
    service.startSync();
    const account = await accountWhen(service, fb.id, (a) => a.sync.lastSyncAt != null);
    expect(account.sync.apiVersion ?? null).toBeNull();
  });

  it('warns from 30 days before the configured version ends, by the service clock', async () => {
    const scenario = smallScenario();
    // v21.0 ends on 2027-01-21: the scenario moved to 31 days, then 29 days before.
    const shifted = (days: number): ScenarioInput => {
      const anchor = Date.parse('2027-01-21T00:00:00Z') - days * DAY;
      const delta = anchor - Date.parse(scenario.anchor);
      const move = (iso: string) => new Date(Date.parse(iso) + delta).toISOString();
      return {
        ...scenario,
        anchor: move(scenario.anchor),
        facebook: {
          ...scenario.facebook,
          posts: scenario.facebook.posts.map((p) => ({ ...p, created_time: move(p.created_time) })),
          comments: scenario.facebook.comments.map((c) => ({
            ...c,
            created_time: move(c.created_time),
          })),
        },
      };
    };
    const early = await setUp({ scenario: shifted(31), service: { graphVersion: 'v21.0' } });
    early.service.startSync();
    const quiet = await accountWhen(early.service, early.fb.id, (a) => a.sync.lastSyncAt != null);
    expect(quiet.sync.apiVersion ?? null).toBeNull();

    const late = await setUp({ scenario: shifted(29), service: { graphVersion: 'v21.0' } });
    late.service.startSync();
    const warned = await accountWhen(late.service, late.fb.id, (a) => a.sync.lastSyncAt != null);
    expect(warned.sync.apiVersion).toEqual({ version: 'v21.0', ends: '2027-01-21T00:00:00.000Z' });
  });
});

describe('comments on old posts', () => {
  /** A Page whose only post is 90 days old, with comments from then and two arriving later. */
  function oldPostScenario(): ScenarioInput {
    const scenario = smallScenario();
    const anchor = Date.parse(scenario.anchor);
    const ago = (ms: number) => new Date(anchor - ms).toISOString();
    const post = `${PAGE.id}_4001`;
    return {
      ...scenario,
      facebook: {
        ...scenario.facebook,
        posts: [
          {
            id: post,
            page_id: PAGE.id,
            message: 'Notre nouvelle torréfaction.',
            created_time: ago(90 * DAY),
          },
        ],
        comments: [
          {
            id: '4001_8001',
            post_id: post,
            from_id: '4000000001',
            message: 'Sehr gut, danke!',
            created_time: ago(89 * DAY),
          },
          {
            id: '4001_8002',
            post_id: post,
            from_id: '4000000002',
            message: 'Il caffè di questa mattina era freddo, nessuno risponde.',
            created_time: ago(-3 * MINUTE),
          },
          {
            id: '4001_8003',
            post_id: post,
            parent_id: '4001_8002',
            from_id: '4000000001',
            message: 'Bei mir auch, seit einer Woche.',
            created_time: ago(-13 * MINUTE),
          },
        ],
      },
    };
  }

  it('brings a comment on a 90-day-old post to the inbox by polling, none twice', async () => {
    const { service, clock, fb } = await setUp({
      scenario: oldPostScenario(),
      emulator: { liveRelease: true },
    });
    await service.syncAccountOnce(fb.id);
    expect(await facebookTotal(service)).toBe(0);

    clock.advance(6 * MINUTE); // the first new comment is on the post now
    await service.syncAccountOnce(fb.id);
    expect(await storedComments(service)).toEqual(['4001_8002']);

    clock.advance(10 * MINUTE); // and a reply to it
    await service.syncAccountOnce(fb.id);
    clock.advance(10 * MINUTE); // nothing new
    await service.syncAccountOnce(fb.id);
    expect(await storedComments(service)).toEqual(['4001_8002', '4001_8003']);
    expect(await facebookTotal(service)).toBe(1);
    // Each comment knows the Page post it sits under, a reply as its parent does.
    const thread = await service.getConversation({ id: 'facebook:4001_8002' });
    expect(thread.posts.map((p) => p.underPost)).toEqual([
      `facebook:${PAGE.id}_4001`,
      `facebook:${PAGE.id}_4001`,
    ]);
  });
});
