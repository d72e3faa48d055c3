import type { Translation } from './types';

/** The conversation list: header, sort, rows, loading, empty and error states. */
export const en = {
  title: 'Conversations',
  total: '{count, plural, one {# conversation} other {# conversations}}',
  totalAtLeast: 'More than {count, number} conversations',
  updating: 'Updating',
  sort: 'Sort',
  sorts: {
    newest: 'Newest',
    oldest: 'Oldest',
    priority: 'Priority',
    reach: 'Reach',
  },
  refreshFailed: 'Could not refresh: {message}',
  loadingMore: 'Loading more…',
  loading: 'Loading conversations…',
  loadFailed: 'Conversations could not be loaded',
  noMatch: 'No conversations match these filters',
  noMatchHint: 'Try another status, language or search.',
  inboxZero: 'Inbox zero',
  inboxZeroHint: 'Nothing is waiting. New mentions and comments appear here as they arrive.',
  followers: '{count, plural, one {# follower} other {# followers}}',
  followersShort: '{count} followers',
  posts: '{count, plural, one {# post} other {# posts}}',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Conversations',
  total: '{count, plural, one {# conversation} other {# conversations}}',
  totalAtLeast: 'Plus de {count, number} conversations',
  updating: 'Mise à jour',
  sort: 'Trier',
  sorts: {
    newest: 'Plus récentes',
    oldest: 'Plus anciennes',
    priority: 'Priorité',
    reach: 'Audience',
  },
  refreshFailed: 'Actualisation impossible : {message}',
  loadingMore: 'Chargement de la suite…',
  loading: 'Chargement des conversations…',
  loadFailed: 'Impossible de charger les conversations',
  noMatch: 'Aucune conversation ne correspond à ces filtres',
  noMatchHint: 'Essayez un autre statut, une autre langue ou une autre recherche.',
  inboxZero: 'Tout est traité',
  inboxZeroHint:
    'Rien n’attend de réponse. Les nouvelles mentions et les nouveaux commentaires apparaissent ici dès leur arrivée.',
  followers: '{count, plural, one {# abonné} other {# abonnés}}',
  followersShort: '{count} abonnés',
  posts: '{count, plural, one {# message} other {# messages}}',
};
