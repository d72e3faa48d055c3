import type { ListConversationsInput } from '../../shared/api';
import type { Platform, Priority, Sentiment, StatusFilter } from '../../shared/model';

export type SortOrder = 'newest' | 'oldest' | 'priority' | 'reach';

export interface FilterValues {
  platform: Platform | 'all';
  /** An account id or 'all'. */
  accountId: string;
  /** One status, `active` (new, open or pending: everything still to handle) or 'all'. */
  status: StatusFilter | 'all';
  priority: Priority | 'all';
  /** ISO 639 code or 'all'. */
  language: string;
  assignee: 'all' | 'mine' | 'unassigned';
  /** A tag name or 'all'. */
  tag: string;
  /** 'outside': only the conversations the brand answered with another app. */
  answered: 'all' | 'outside';
  /** The tone of the customer's latest post, or 'all'. */
  sentiment: Sentiment | 'all';
  /** Search text as typed (trimmed before sending). */
  q: string;
  sort: SortOrder;
}

export const DEFAULT_FILTERS: FilterValues = {
  platform: 'all',
  accountId: 'all',
  status: 'all',
  priority: 'all',
  language: 'all',
  assignee: 'all',
  tag: 'all',
  answered: 'all',
  sentiment: 'all',
  q: '',
  sort: 'newest',
};

/** The listConversations input for a set of filters (without cursor and limit). */
export function listInput(filters: FilterValues): Omit<ListConversationsInput, 'cursor' | 'limit'> {
  const q = filters.q.trim().slice(0, 200);
  return {
    ...(filters.platform === 'all' ? {} : { platform: filters.platform }),
    ...(filters.accountId === 'all' ? {} : { accountId: filters.accountId }),
    ...(filters.status === 'all' ? {} : { status: filters.status }),
    ...(filters.priority === 'all' ? {} : { priority: filters.priority }),
    ...(filters.language === 'all' ? {} : { language: filters.language }),
    ...(filters.assignee === 'all' ? {} : { assignee: filters.assignee }),
    ...(filters.tag === 'all' ? {} : { tag: filters.tag }),
    ...(filters.answered === 'all' ? {} : { answered: filters.answered }),
    ...(filters.sentiment === 'all' ? {} : { sentiment: filters.sentiment }),
    ...(q === '' ? {} : { q }),
    sort: filters.sort,
  };
}

/** Whether anything narrows the list (to tell "no match" from "inbox zero"). */
export function isNarrowed(filters: FilterValues): boolean {
  return (
    filters.platform !== 'all' ||
    filters.accountId !== 'all' ||
    filters.status !== 'all' ||
    filters.priority !== 'all' ||
    filters.language !== 'all' ||
    filters.assignee !== 'all' ||
    filters.tag !== 'all' ||
    filters.answered !== 'all' ||
    filters.sentiment !== 'all' ||
    filters.q.trim() !== ''
  );
}

/** A filter that narrows the list, as the empty state names it. */
export type FilterKey = Exclude<keyof FilterValues, 'sort'>;

/** The filters in the order the panel shows them (search first). */
export const FILTER_KEYS: readonly FilterKey[] = [
  'q',
  'platform',
  'status',
  'assignee',
  'tag',
  'accountId',
  'priority',
  'language',
  'sentiment',
  'answered',
];

/** The filters that narrow the list now, in the panel's order. */
export function activeFilters(filters: FilterValues): FilterKey[] {
  return FILTER_KEYS.filter((key) =>
    key === 'q' ? filters.q.trim() !== '' : filters[key] !== DEFAULT_FILTERS[key],
  );
}

/** The same filters with one of them back to "any". */
export function withoutFilter(filters: FilterValues, key: FilterKey): FilterValues {
  return { ...filters, [key]: DEFAULT_FILTERS[key] };
}
