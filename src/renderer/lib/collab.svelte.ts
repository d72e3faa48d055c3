import type { QueryClient } from '@tanstack/svelte-query';
import { createContext } from 'svelte';
import { get } from 'svelte/store';
import type { InboxApi } from '../../shared/api';
import type { ConversationDetail } from '../../shared/api';
import type { Agent } from '../../shared/model';
import { _ } from '../i18n';
import { connection } from './api';
import type { InboxState } from './inbox-state.svelte';
import { NotificationCenter } from './notifier.svelte';
import type { NoticeText } from './notifier.svelte';
import { NotifyRules } from './notify-rules';
import type { Notice } from './notify-rules';
import { PresenceState } from './presence-state.svelte';
import { createPresenceReporter } from './presence-reporter';
import type { PresenceReporter } from './presence-reporter';
import { queryKeys } from './query-keys';
import { withNote } from './timeline';

/** Working together: the team's presence, this window's own, and what to notify. */
export interface Collab {
  presence: PresenceState;
  reporter: PresenceReporter;
  notifications: NotificationCenter;
}

export const [useCollab, provideCollab] = createContext<Collab>();

const shorten = (text: string, max = 140) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** A notice in words, in the UI's language. */
export function describeNotice(notice: Notice, nameOf: (id: string) => string): NoticeText {
  const t = get(_);
  const base = { key: notice.key, conversationId: notice.conversationId };
  switch (notice.kind) {
    case 'assigned':
      return {
        ...base,
        title: t('notifications.assigned.title', { values: { name: nameOf(notice.by) } }),
        body: t('notifications.assigned.body', { values: { author: notice.author } }),
      };
    case 'mention':
      return {
        ...base,
        title: t('notifications.mention.title', { values: { name: nameOf(notice.note.author) } }),
        body: shorten(notice.note.text),
      };
    case 'priority':
      return {
        ...base,
        title: t(`notifications.priority.${notice.priority}`, {
          values: { author: notice.author },
        }),
        body: shorten(notice.excerpt),
      };
  }
}

/**
 * Sets up collaboration for the inbox screen (call during its initialisation): presence in and
 * out, notes arriving live, notifications. Everything stops with the screen.
 */
export function setUpCollab(options: {
  api: InboxApi;
  queryClient: QueryClient;
  inbox: InboxState;
  me: () => Agent | null;
}): Collab {
  const { api, queryClient, inbox } = options;
  const presence = new PresenceState(() => options.me()?.id ?? null);
  const reporter = createPresenceReporter((report) => api.reportPresence(report));
  const notifications = new NotificationCenter((id) => (inbox.openId = id));
  const collab: Collab = { presence, reporter, notifications };
  provideCollab(collab);

  const agents = () => queryClient.getQueryData<Agent[]>(queryKeys.agents) ?? [];
  const nameOf = (id: string) =>
    agents().find((a) => a.id === id)?.name ?? get(_)('notifications.someone');
  const loadPresence = () =>
    api.listPresence({}).then(
      (list) => presence.load(list),
      () => undefined,
    );

  $effect(() => {
    const me = options.me();
    const rules = me ? new NotifyRules(me.id) : null;
    void loadPresence();
    // Names for notifications and presence.
    void queryClient
      .fetchQuery({
        queryKey: queryKeys.agents,
        queryFn: () => api.listAgents({}),
        staleTime: 60_000,
      })
      .catch(() => undefined);
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'presence') presence.apply(event);
      if (event.type === 'note.added')
        queryClient.setQueryData<ConversationDetail>(
          queryKeys.conversation(event.note.conversationId),
          (detail) => withNote(detail, event.note),
        );
      const notice = rules?.decide(event);
      if (notice) notifications.show(describeNotice(notice, nameOf));
    });
    let wasDown = false;
    const unwatch = connection.subscribe((state) => {
      if (state === 'reconnecting') wasDown = true;
      if (state === 'open' && wasDown) {
        wasDown = false;
        // The hub forgot this window's presence when the connection dropped.
        reporter.resend();
        void loadPresence();
      }
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  });

  $effect(() => {
    reporter.view(inbox.openId);
  });

  $effect(() => () => {
    reporter.stop();
    notifications.stop();
  });

  return collab;
}
