import type { Translation } from './types';

/** The app's own states: opening, unreachable. */
export const en = {
  opening: 'Opening the inbox…',
  unreachable: 'The inbox cannot be reached',
  moving: {
    title: 'Moving your data into the new store',
    note: 'This happens once. Everything is checked before the old files are set aside.',
    phase: {
      conversations: 'Conversations',
      posts: 'Posts',
      notes: 'Notes',
      outbox: 'Replies waiting to be sent',
      audit: 'Audit trail',
      checking: 'Checking the copy',
      'setting-aside': 'Setting the old files aside',
      upgrading: 'Rows brought up to date',
    },
    items: '{done} of {total}',
    itemsSoFar: '{done} so far',
    bytes: '{done} of {total} MB read',
    bytesSoFar: '{done} MB read',
  },
  upgrading: {
    title: 'Bringing your data up to date',
    note: 'This happens once after an update. Your data stays as it was until it is done.',
  },
} as const;

export const fr: Translation<typeof en> = {
  opening: 'Ouverture de la boîte de réception…',
  unreachable: 'La boîte de réception est injoignable',
  moving: {
    title: 'Transfert de vos données dans le nouveau stockage',
    note: 'Cela n’arrive qu’une fois. Tout est vérifié avant que les anciens fichiers soient mis de côté.',
    phase: {
      conversations: 'Conversations',
      posts: 'Messages',
      notes: 'Notes',
      outbox: 'Réponses en attente d’envoi',
      audit: 'Journal d’audit',
      checking: 'Vérification de la copie',
      'setting-aside': 'Mise de côté des anciens fichiers',
      upgrading: 'Lignes mises à jour',
    },
    items: '{done} sur {total}',
    itemsSoFar: '{done} pour l’instant',
    bytes: '{done} sur {total} Mo lus',
    bytesSoFar: '{done} Mo lus',
  },
  upgrading: {
    title: 'Mise à jour de vos données',
    note: 'Cela n’arrive qu’une fois après une mise à jour. Vos données restent telles quelles jusqu’à la fin.',
  },
};
