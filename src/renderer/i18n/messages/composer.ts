import type { Translation } from './types';

/** The reply composer under a conversation. */
export const en = {
  region: 'Reply',
  kind: 'Kind of reply',
  public: 'Public reply',
  directMessage: 'Direct message',
  privateReply: 'Private reply',
  window: {
    until: 'Private reply possible until {when}',
    alreadySent: 'A private reply was already sent to this comment',
    expired: 'Private replies are possible for 7 days after a comment; this one is older',
  },
  placeholder: 'Reply to {name}…',
  nothingToReply: 'Nothing to reply to',
  text: 'Reply text',
  hint: 'Ctrl+Enter sends',
  sendPublic: 'Send reply',
  sendDirectMessage: 'Send direct message',
  sendPrivateReply: 'Send private reply',
  queued: 'Queued: it joins the thread as soon as the platform has it.',
  sent: 'Sent: the reply is in the thread.',
  takeOver: 'Take over and send',
  privately: 'Send it privately instead',
  anyway: 'Send publicly anyway',
} as const;

export const fr: Translation<typeof en> = {
  region: 'Réponse',
  kind: 'Type de réponse',
  public: 'Réponse publique',
  directMessage: 'Message privé',
  privateReply: 'Réponse privée',
  window: {
    until: 'Réponse privée possible jusqu’au {when}',
    alreadySent: 'Une réponse privée a déjà été envoyée à ce commentaire',
    expired:
      'Une réponse privée est possible pendant 7 jours après un commentaire ; celui-ci est plus ancien',
  },
  placeholder: 'Répondre à {name}…',
  nothingToReply: 'Rien à quoi répondre',
  text: 'Texte de la réponse',
  hint: 'Ctrl+Entrée pour envoyer',
  sendPublic: 'Envoyer la réponse',
  sendDirectMessage: 'Envoyer le message privé',
  sendPrivateReply: 'Envoyer la réponse privée',
  queued: 'En file d’envoi : elle rejoint le fil dès que la plateforme l’a reçue.',
  sent: 'Envoyée : la réponse est dans le fil.',
  takeOver: 'Reprendre et envoyer',
  privately: 'L’envoyer plutôt en privé',
  anyway: 'Publier quand même',
};
