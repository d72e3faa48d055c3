import type { Translation } from './types';

/** What people and rules did on a conversation, shown among its posts. */
export const en = {
  assigned: '{actor} assigned it to {to}',
  took: '{actor} took it',
  unassigned: '{actor} unassigned it',
  status: '{actor} set the status to {status}',
  statusAnsweredOutside: 'Moved to {status}: the brand answered with another app',
  priority: '{actor} set the priority to {priority}',
  tagsAdded: '{actor} tagged it {tags}',
  tagsRemoved: '{actor} removed the tag {tags}',
  claimed: '{actor} took it by replying',
  takenOver: '{actor} took it over from {from}',
  replyFailed: 'The reply by {actor} was refused: {error}',
  hidden: '{actor} hid a comment from the public',
  shown: '{actor} showed a comment again',
  rule: 'The rule “{name}” applied',
  system: 'The inbox',
  client: {
    browser: 'in a browser',
    desktop: 'in the desktop app ({host})',
    other: 'from {client}',
  },
} as const;

export const fr: Translation<typeof en> = {
  assigned: '{actor} l’a confiée à {to}',
  took: '{actor} l’a prise',
  unassigned: '{actor} l’a rendue à la file',
  status: '{actor} a mis le statut « {status} »',
  statusAnsweredOutside: 'Passée en « {status} » : la marque a répondu avec une autre application',
  priority: '{actor} a mis la priorité « {priority} »',
  tagsAdded: '{actor} a ajouté l’étiquette {tags}',
  tagsRemoved: '{actor} a retiré l’étiquette {tags}',
  claimed: '{actor} l’a prise en répondant',
  takenOver: '{actor} l’a reprise à {from}',
  replyFailed: 'La réponse de {actor} a été refusée : {error}',
  hidden: '{actor} a masqué un commentaire au public',
  shown: '{actor} a de nouveau affiché un commentaire',
  rule: 'La règle « {name} » s’est appliquée',
  system: 'La boîte',
  client: {
    browser: 'dans un navigateur',
    desktop: 'dans l’application de bureau ({host})',
    other: 'depuis {client}',
  },
};
