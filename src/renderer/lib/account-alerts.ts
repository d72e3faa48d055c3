import type { Account } from '../../shared/model';
import { wordsFor } from '../i18n/translate';
import type { Words } from '../i18n/translate';
import { dayAndMonth, pauseEnd } from './format';
import { displayHandle } from './labels';

/** How far ahead a known end of a connection is announced. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY = 86_400_000;

export interface AccountAlert {
  accountId: string;
  platform: Account['platform'];
  tone: 'bad' | 'warn';
  text: string;
  /** Whether connecting the account again fixes it (not a cap: that one passes by itself). */
  reconnect: boolean;
}

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
  for (const account of accounts) {
    const { state, reason, until } = account.sync;
    const stopped = state === 'expired' || state === 'revoked' || state === 'error';
    if (reason === 'permissions' && stopped) {
      alerts.push({
        accountId: account.id,
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
        platform: account.platform,
        tone: 'warn',
        text: t(reason === 'daily-cap' ? 'accounts.alert.dailyCap' : 'accounts.alert.usageCap', {
          values: { name: nameOf(account, words), until: pauseEnd(until, now, words) },
        }),
        reconnect: false,
      });
      continue;
    }
    if (state === 'expired' || state === 'revoked') {
      const name = nameOf(account, words);
      alerts.push({
        accountId: account.id,
        platform: account.platform,
        tone: 'bad',
        text:
          state === 'revoked'
            ? t(`accounts.alert.revoked.${account.platform}`, { values: { name } })
            : t('accounts.alert.expired', { values: { name } }),
        reconnect: true,
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
      platform: account.platform,
      tone: left <= 0 ? 'bad' : 'warn',
      text: t(left <= 0 ? 'accounts.alert.ended' : 'accounts.alert.endsSoon', { values }),
      reconnect: true,
    });
  }
  return alerts;
}
