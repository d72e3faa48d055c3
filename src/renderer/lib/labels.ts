import type { AccountState, ConversationStatus, Platform, Priority } from '../../shared/model';

export const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook' };

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  done: 'Done',
  spam: 'Spam',
};

export const STATUSES: ConversationStatus[] = ['new', 'open', 'pending', 'done', 'spam'];

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

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
