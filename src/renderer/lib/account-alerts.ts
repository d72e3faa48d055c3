import type { Account } from '../../shared/model';
import { wordsFor } from '../i18n/translate';
import type { Words } from '../i18n/translate';
import { clockTime, dayAndMonth, pauseEnd } from './format';
import { displayHandle } from './labels';

/** How far ahead a known end of a connection is announced. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY = 86_400_000;

export interface AccountAlert {
  accountId: string;
  /** Unique among the alerts: an account may have several. */
  key: string;
  platform: Account['platform'];
  tone: 'bad' | 'warn';
  text: string;
  /** Whether connecting the account again fixes it (else the alert only informs: a cap passes by itself). */
  reconnect: boolean;
}

/** A pause shorter than this is the chip's business; a longer one is announced with its end. */
const LONG_PAUSE_MS = 60 * 60_000;

function nameOf(account: Account, { t }: Words): string {
  const handle = displayHandle(account.platform, account.handle) ?? account.name;
  return t(account.platform === 'x' ? 'accounts.alert.onX' : 'accounts.alert.facebookPage', {
    values: { handle },
  });
}

/**
 * What the banner says about the accounts, in the UI's language: connections that stopped (expired,
 * revoked, access to grant again) and those whose known end is within a week, each fixed by
 * connecting the account again; and accounts a platform cap holds, until when.
 */
export function accountAlerts(
  accounts: readonly Account[],
  now: number,
  words: Words = wordsFor('en'),
): AccountAlert[] {
  const { t } = words;
  const alerts: AccountAlert[] = [];
  // The Graph version is one setting for every Page: told once.
  const versionsTold = new Set<string>();
  for (const account of accounts) {
    const { state, reason, until } = account.sync;
    const stopped = state === 'expired' || state === 'revoked' || state === 'error';
    if (reason === 'permissions' && stopped) {
      alerts.push({
        accountId: account.id,
        key: `${account.id}:access`,
        platform: account.platform,
        tone: 'bad',
        text: t('accounts.alert.permissions', { values: { name: nameOf(account, words) } }),
        reconnect: true,
      });
      continue;
    }
    if (
      state === 'rate-limited' &&
      until != null &&
      (reason === 'daily-cap' || reason === 'usage-cap')
    ) {
      alerts.push({
        accountId: account.id,
        key: `${account.id}:cap`,
        platform: account.platform,
        tone: 'warn',
        text: t(reason === 'daily-cap' ? 'accounts.alert.dailyCap' : 'accounts.alert.usageCap', {
          values: { name: nameOf(account, words), until: pauseEnd(until, now, words) },
        }),
        reconnect: false,
      });
      continue;
    }
    alerts.push(...syncAlerts(account, now, words, versionsTold));
    if (state === 'expired' || state === 'revoked') {
      const name = nameOf(account, words);
      alerts.push({
        accountId: account.id,
        key: `${account.id}:access`,
        platform: account.platform,
        tone: 'bad',
        reconnect: true,
        text:
          state === 'revoked'
            ? t(`accounts.alert.revoked.${account.platform}`, { values: { name } })
            : t('accounts.alert.expired', { values: { name } }),
      });
      continue;
    }
    if (account.expiresAt == null) continue;
    const left = Date.parse(account.expiresAt) - now;
    if (left > EXPIRY_WARNING_DAYS * DAY) continue;
    const values = {
      name: nameOf(account, words),
      date: dayAndMonth(account.expiresAt, words),
      days: Math.max(1, Math.ceil(left / DAY)),
    };
    alerts.push({
      accountId: account.id,
      key: `${account.id}:ends`,
      platform: account.platform,
      reconnect: true,
      tone: left <= 0 ? 'bad' : 'warn',
      text: t(left <= 0 ? 'accounts.alert.ended' : 'accounts.alert.endsSoon', { values }),
    });
  }
  return alerts;
}

/**
 * What the last sync said beyond the connection's state: a permission to grant by connecting
 * again, a long pause for a rate limit and its end, the end of the Graph API version in use.
 */
function syncAlerts(
  account: Account,
  now: number,
  words: Words,
  versionsTold: Set<string>,
): AccountAlert[] {
  const { t } = words;
  const { sync } = account;
  const name = nameOf(account, words);
  const base = { accountId: account.id, platform: account.platform };
  const alerts: AccountAlert[] = [];
  if (sync.permission != null) {
    alerts.push({
      ...base,
      key: `${account.id}:permission`,
      tone: 'bad',
      reconnect: true,
      text: sync.permission
        ? t('accounts.alert.permission', { values: { name, permission: sync.permission } })
        : t('accounts.alert.permissionUnnamed', { values: { name } }),
    });
  }
  if (
    sync.state === 'rate-limited' &&
    sync.until != null &&
    Date.parse(sync.until) - now >= LONG_PAUSE_MS
  ) {
    alerts.push({
      ...base,
      key: `${account.id}:paused`,
      tone: 'warn',
      reconnect: false,
      // The day is said when the pause does not end today.
      text: t(
        new Date(sync.until).toDateString() === new Date(now).toDateString()
          ? 'accounts.alert.pausedToday'
          : 'accounts.alert.paused',
        {
          values: {
            name,
            date: dayAndMonth(sync.until, words),
            time: clockTime(sync.until, words),
          },
        },
      ),
    });
  }
  if (sync.apiVersion != null && !versionsTold.has(sync.apiVersion.version)) {
    versionsTold.add(sync.apiVersion.version);
    const left = Date.parse(sync.apiVersion.ends) - now;
    const values = {
      version: sync.apiVersion.version,
      date: dayAndMonth(sync.apiVersion.ends, words),
      days: Math.max(1, Math.ceil(left / DAY)),
    };
    alerts.push({
      ...base,
      key: `${account.id}:version`,
      tone: left <= 0 ? 'bad' : 'warn',
      reconnect: false,
      text: t(left <= 0 ? 'accounts.alert.versionEnded' : 'accounts.alert.versionEnds', {
        values,
      }),
    });
  }
  return alerts;
}
