import { createQuery } from '@tanstack/svelte-query';
import type { InboxApi } from '../../shared/api';
import { queryKeys } from './query-keys';

/** The team's tags with their colours and counts; refreshed when a `tags.changed` event arrives. */
export function createTagsQuery(api: Pick<InboxApi, 'listTags'>) {
  return createQuery(() => ({
    queryKey: queryKeys.tags,
    queryFn: () => api.listTags({}),
    staleTime: 30_000,
  }));
}

/** The caller's saved views. */
export function createViewsQuery(api: Pick<InboxApi, 'listViews'>) {
  return createQuery(() => ({
    queryKey: queryKeys.views,
    queryFn: () => api.listViews({}),
    staleTime: 60_000,
  }));
}
