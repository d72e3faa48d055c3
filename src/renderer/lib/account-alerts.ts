import type { Account } from '../../shared/model';
import { displayHandle, PLATFORM_NAMES } from './labels';

/** How far ahead a known end of a connection is announced. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY = 86_400_000;

export interface AccountAlert {
  accountId: string;
  platform: Account['platform'];
  tone: 'bad' | 'warn';
  text: string;
}

function nameOf(account: Account): string {
  const handle = displayHandle(account.platform, account.handle) ?? account.name;
  return account.platform === 'x' ? `${handle} on X` : `the ${handle} Facebook Page`;
}

/**
 * What the banner says about the accounts: connections that stopped (expired, revoked) and those
 * whose known end is within a week. Each one is fixed by connecting the account again.
 */
export function accountAlerts(accounts: readonly Account[], now: number): AccountAlert[] {
  const alerts: AccountAlert[] = [];
  for (const account of accounts) {
    const state = account.sync.state;
    if (state === 'expired' || state === 'revoked') {
      alerts.push({
        accountId: account.id,
        platform: account.platform,
        tone: 'bad',
        text:
          state === 'revoked'
            ? `${PLATFORM_NAMES[account.platform]} access to ${nameOf(account)} was withdrawn: nothing is synced or sent until it is connected again.`
            : `The connection to ${nameOf(account)} has expired: nothing is synced or sent until it is connected again.`,
      });
      continue;
    }
    if (account.expiresAt == null) continue;
    const left = Date.parse(account.expiresAt) - now;
    if (left > EXPIRY_WARNING_DAYS * DAY) continue;
    const when = new Date(account.expiresAt).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
    });
    alerts.push({
      accountId: account.id,
      platform: account.platform,
      tone: left <= 0 ? 'bad' : 'warn',
      text:
        left <= 0
          ? `The connection to ${nameOf(account)} ended on ${when}: connect it again.`
          : `The connection to ${nameOf(account)} ends on ${when} (in ${Math.max(1, Math.ceil(left / DAY))} days): connect it again before then.`,
    });
  }
  return alerts;
}
