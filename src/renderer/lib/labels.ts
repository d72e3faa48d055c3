import type {
  AccountIssue,
  AccountState,
  ConversationStatus,
  Platform,
  Priority,
  Sentiment,
} from '../../shared/model';
import type { Translate } from '../i18n/translate';

export const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook' };

/** English status names; the UI shows `statusLabel(status, $_)`. */
export const STATUS_LABELS: Record<ConversationStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  done: 'Done',
  spam: 'Spam',
};

export const STATUSES: ConversationStatus[] = ['new', 'open', 'pending', 'done', 'spam'];

/** Lowest first. */
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

/** English priority names; the UI shows `priorityLabel(priority, $_)`. */
export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/** English account states; the UI shows `accountStateLabel(state, $_)`. */
export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = {
  connected: 'Connected',
  syncing: 'Syncing',
  'rate-limited': 'Rate-limited',
  expired: 'Expired',
  revoked: 'Revoked',
  error: 'Error',
};

/** How a handle reads: "@CafeAurore" on X, the Page name on Facebook. */
export function displayHandle(platform: Platform, handle: string | null): string | null {
  if (handle == null || handle === '') return null;
  return platform === 'x' ? `@${handle.replace(/^@/, '')}` : handle;
}

/** A conversation status in the UI's language: "Open", "Ouverte". */
export function statusLabel(status: ConversationStatus, t: Translate): string {
  return t(`labels.status.${status}`);
}

/** The tones a customer's post is scored in, from the worst. */
export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

/** A tone in the UI's language: "Negative", "Négatif". */
export function sentimentLabel(sentiment: Sentiment, t: Translate): string {
  return t(`labels.sentiment.${sentiment}`);
}

/** A priority in the UI's language: "Urgent", "Urgente". */
export function priorityLabel(priority: Priority, t: Translate): string {
  return t(`labels.priority.${priority}`);
}

/**
 * An account's sync state in the UI's language; a rate limit with its end when known, and what the
 * platform said holds it (a posting cap, a usage cap, access to grant again).
 */
export function accountStateLabel(
  state: AccountState,
  t: Translate,
  until?: string | null,
  reason?: AccountIssue | null,
): string {
  if (reason === 'permissions' && state !== 'connected' && state !== 'syncing')
    return t('labels.account.permissions');
  if (
    state === 'rate-limited' &&
    until == null &&
    (reason === 'daily-cap' || reason === 'usage-cap')
  )
    return t(`labels.account.${reason === 'daily-cap' ? 'dailyCap' : 'usageCap'}`);
  if (state === 'rate-limited' && until != null) {
    const key =
      reason === 'daily-cap'
        ? 'dailyCapUntil'
        : reason === 'usage-cap'
          ? 'usageCapUntil'
          : 'rateLimitedUntil';
    return t(`labels.account.${key}`, { values: { time: until } });
  }
  return t(`labels.account.${state === 'rate-limited' ? 'rateLimited' : state}`);
}
