import type { EventEmitter } from 'node:events';
import type { InboxEvent } from '../shared';
import type { InboxDomains, InboxStores } from './inbox-domains';
import { accessChanged } from './team/access-changes';

/** The service's own channel (beside the clients' events) for changes to an agent's access. */
export const TEAM_CHANGED = 'team.agent-changed';

/**
 * Ties an inbox to the other processes sharing its store, and to the platforms' webhooks: the
 * others' events reach this one's clients; their changes of the settings act here too (an agent's
 * access, an account connected or removed); and a Page that synced here is subscribed to the
 * webhooks when the inbox has a public URL. Answers what undoes it.
 */
export function linkProcesses(
  stores: InboxStores,
  events: EventEmitter,
  domains: Pick<InboxDomains, 'sync' | 'facebookWebhooks'>,
  webhookUrl: string | null | undefined,
): () => void {
  /** Events another process sharing the store told (not this one's to act on). */
  const relayed = new WeakSet<InboxEvent>();
  const unrelay = stores.store.events?.subscribe((event) => {
    relayed.add(event);
    events.emit('event', event);
  });
  const unwatch = stores.workspace.onChange((before, after) => {
    for (const id of accessChanged(before, after)) events.emit(TEAM_CHANGED, id);
    const had = new Set(before.accounts.map((a) => a.id));
    const has = new Set(after.accounts.map((a) => a.id));
    for (const id of has) if (!had.has(id)) domains.sync.restart(id);
    for (const id of had) if (!has.has(id)) void domains.sync.stop(id).catch(() => undefined);
  });
  const subscribe = (event: InboxEvent) => {
    if (relayed.has(event)) return;
    if (event.type === 'account.status' && event.account.sync?.state === 'connected')
      void domains.facebookWebhooks.subscribe(event.account).catch(() => undefined);
  };
  if (webhookUrl != null) events.on('event', subscribe);
  return () => {
    unrelay?.();
    unwatch();
    events.off('event', subscribe);
  };
}
