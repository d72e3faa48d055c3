import { describe, expect, it } from 'vitest';
import { accountAlerts } from './account-alerts';
import { account } from '../../shared/test-fixtures';
import { wordsFor } from '../i18n/translate';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const state = (s: 'expired' | 'revoked' | 'connected' | 'rate-limited') => ({
  state: s,
  until: null,
  lastSyncAt: null,
  message: null,
  fetched: 0,
});

describe('account alerts', () => {
  it('says nothing about healthy accounts, rate limits, or ends more than a week away', () => {
    expect(
      accountAlerts(
        [
          account(),
          account({ id: 'x:2', sync: state('rate-limited') }),
          account({ id: 'facebook:3', platform: 'facebook', expiresAt: '2026-12-20T00:00:00Z' }),
        ],
        NOW,
      ),
    ).toEqual([]);
  });

  it('names an expired and a revoked connection, worst first as listed', () => {
    const alerts = accountAlerts(
      [
        account({ sync: state('expired') }),
        account({
          id: 'facebook:9',
          platform: 'facebook',
          handle: 'Café Aurore',
          sync: state('revoked'),
        }),
      ],
      NOW,
    );
    expect(alerts.map((a) => [a.accountId, a.tone])).toEqual([
      ['x:1', 'bad'],
      ['facebook:9', 'bad'],
    ]);
    expect(alerts[0]!.text).toContain('@CafeAurore on X has expired');
    expect(alerts[1]!.text).toContain('withdrawn');
    expect(alerts[1]!.text).toContain('Café Aurore Facebook Page');
  });

  it('warns within a week of a known end, and flags one already past', () => {
    const alerts = accountAlerts(
      [
        account({
          id: 'facebook:1',
          platform: 'facebook',
          handle: 'Page A',
          expiresAt: '2026-11-26T09:00:00Z',
        }),
        account({
          id: 'facebook:2',
          platform: 'facebook',
          handle: 'Page B',
          expiresAt: '2026-11-20T09:00:00Z',
        }),
      ],
      NOW,
    );
    expect(alerts[0]).toMatchObject({ tone: 'warn' });
    expect(alerts[0]!.text).toContain('ends on 26 November (in 3 days)');
    expect(alerts[1]).toMatchObject({ tone: 'bad' });
    expect(alerts[1]!.text).toContain('ended on 20 November');
  });

  it('speaks French, with the date and the plural of the language', () => {
    const fr = wordsFor('fr');
    const [expired, soon] = accountAlerts(
      [
        account({ sync: state('expired') }),
        account({
          id: 'facebook:1',
          platform: 'facebook',
          handle: 'Page A',
          expiresAt: '2026-11-26T09:00:00Z',
        }),
      ],
      NOW,
      fr,
    );
    expect(expired!.text).toBe(
      'La connexion à @CafeAurore sur X a expiré\u00a0: rien n’est synchronisé ni envoyé tant que le compte n’est pas reconnecté.',
    );
    expect(soon!.text).toContain('la Page Facebook Page A prend fin le 26 novembre (dans 3 jours)');
  });

  it('asks to reconnect and grant a refused permission, in English and French', () => {
    const page = account({
      id: 'facebook:1',
      platform: 'facebook',
      handle: 'Café Aurore',
      sync: { ...state('connected'), permission: 'pages_manage_posts' },
    });
    const [en] = accountAlerts([page], NOW);
    expect(en).toMatchObject({ tone: 'bad', reconnect: true, key: 'facebook:1:permission' });
    expect(en!.text).toBe(
      'The inbox lacks the pages_manage_posts permission for the Café Aurore Facebook Page: connect it again and grant pages_manage_posts.',
    );
    const [fr] = accountAlerts([page], NOW, wordsFor('fr'));
    expect(fr!.text).toBe(
      'Il manque l’autorisation pages_manage_posts pour la Page Facebook Café Aurore\u00a0: reconnectez le compte et accordez pages_manage_posts.',
    );
  });

  it('says until when a long rate-limit pause lasts, with the day when it is not today', () => {
    const paused = (until: string) =>
      account({
        id: 'facebook:1',
        platform: 'facebook',
        handle: 'Page A',
        sync: { ...state('rate-limited'), until },
      });
    expect(accountAlerts([paused('2026-11-23T10:20:00Z')], NOW)).toEqual([]);
    const [later] = accountAlerts([paused('2026-11-24T08:30:00Z')], NOW, wordsFor('en'));
    expect(later).toMatchObject({ tone: 'warn', reconnect: false });
    expect(later!.text).toMatch(/pauses the Page A Facebook Page until 24 November, \d\d:30/);
    const [fr] = accountAlerts([paused('2026-11-24T08:30:00Z')], NOW, wordsFor('fr'));
    expect(fr!.text).toMatch(/en pause jusqu’au 24 novembre à \d\d:30/);
    const [today] = accountAlerts([paused('2026-11-23T13:30:00Z')], NOW, wordsFor('fr'));
    expect(today!.text).toMatch(/en pause jusqu’à \d\d:30\u00a0: rien/);
  });

  it('warns of the end of the Graph API version in use, and says when it has passed', () => {
    const page = (ends: string) =>
      account({
        id: 'facebook:1',
        platform: 'facebook',
        handle: 'Page A',
        sync: { ...state('connected'), apiVersion: { version: 'v21.0', ends } },
      });
    const [soon] = accountAlerts(
      [page('2027-01-21T00:00:00.000Z')],
      Date.parse('2027-01-01T00:00:00Z'),
    );
    expect(soon).toMatchObject({ tone: 'warn', reconnect: false });
    expect(soon!.text).toContain('Graph API v21.0 on 21 January (in 20 days)');
    const [past] = accountAlerts(
      [page('2027-01-21T00:00:00.000Z')],
      Date.parse('2027-01-22T00:00:00Z'),
      wordsFor('fr'),
    );
    expect(past).toMatchObject({ tone: 'bad' });
    // One setting for every Page: said once.
    const twoPages = accountAlerts(
      [page('2027-01-21T00:00:00.000Z'), { ...page('2027-01-21T00:00:00.000Z'), id: 'facebook:2' }],
      Date.parse('2027-01-01T00:00:00Z'),
    );
    expect(twoPages).toHaveLength(1);
    expect(past!.text).toContain('a cessé de servir la Graph API v21.0 le 21 janvier');
  });
});

describe('account alerts for what X said holds an account', () => {
  const held = (
    s: 'rate-limited' | 'revoked',
    reason: 'daily-cap' | 'usage-cap' | 'permissions',
    until: string | null,
  ) => ({ ...state(s), reason, until });

  it('asks to reconnect and grant access, in English and French', () => {
    const accounts = [account({ sync: held('revoked', 'permissions', null) })];
    const [en] = accountAlerts(accounts, NOW);
    const [fr] = accountAlerts(accounts, NOW, wordsFor('fr'));
    expect(en).toMatchObject({ tone: 'bad', reconnect: true });
    expect(en!.text).toContain('connect the account again and grant the access asked');
    expect(fr!.text).toContain('reconnectez le compte et accordez l’accès demandé');
  });

  it('says until when a posting cap or the usage cap holds the account, with the day when it is later', () => {
    const alerts = accountAlerts(
      [
        account({ sync: held('rate-limited', 'daily-cap', '2026-11-24T09:30:00Z') }),
        account({ id: 'x:2', sync: held('rate-limited', 'usage-cap', '2026-11-23T11:00:00Z') }),
      ],
      NOW,
    );
    expect(alerts.map((a) => [a.tone, a.reconnect])).toEqual([
      ['warn', false],
      ['warn', false],
    ]);
    expect(alerts[0]!.text).toMatch(/24-hour posting limit .* until 24 November, \d\d:30/);
    expect(alerts[1]!.text).toMatch(/monthly usage cap .* paused until \d\d:00, then tried again/);
    const [fr] = accountAlerts(
      [account({ sync: held('rate-limited', 'daily-cap', '2026-11-24T09:30:00Z') })],
      NOW,
      wordsFor('fr'),
    );
    expect(fr!.text).toMatch(/jusqu’à 24 novembre, \d\d:30/);
  });
});
