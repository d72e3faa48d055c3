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
  translate: {
    mode: 'Write in {language}',
    modeHint: 'translated into {language} before sending',
    draft: 'Your reply in {language}',
    draftPlaceholder: 'Write to {name} in {language}…',
    sent: 'Sent in {language}: you can edit it',
    now: 'Translate',
    again: 'Translate again',
    translating: 'Translating into {language}…',
    cancel: 'Cancel',
    cancelled: 'Translation cancelled. Your draft is kept.',
    waiting: 'The translation appears here as you write.',
    stale: 'The draft changed since this translation.',
    by: 'Translated by {service}',
    edited: 'Edited by you',
    errors: {
      quota:
        '{service}’s translation quota for this period is used up: nothing was translated. Your draft is kept; a manager can raise the quota or change the key.',
      keyRefused:
        '{service} refused the inbox’s key. Your draft is kept; a manager should check the key in the translation settings.',
      noKey:
        'No {service} key is set. Your draft is kept; a manager can add one in the translation settings.',
      tooLong:
        'The draft is longer than {service} translates at once. Your draft is kept; shorten it and try again.',
      tooLongLimit:
        'The draft is longer than {service} translates at once ({limit} characters). Your draft is kept; shorten it and try again.',
      timeout: '{service} did not answer in time. Your draft is kept; try again.',
      unavailable:
        '{service} cannot translate right now. Your draft is kept; try again in a moment.',
      notConfigured: 'No translation service is set up for this inbox. Your draft is kept.',
      busy: '{service} is busy. Your draft is kept; try again in a moment.',
      badRequest: 'This draft cannot be translated. Your draft is kept.',
      other: 'The translation failed. Your draft is kept; try again.',
    },
  },
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
  translate: {
    mode: 'Écrire en {language}',
    modeHint: 'traduit en {language} avant l’envoi',
    draft: 'Votre réponse en {language}',
    draftPlaceholder: 'Écrire à {name} en {language}…',
    sent: 'Envoyé en {language} : vous pouvez le modifier',
    now: 'Traduire',
    again: 'Traduire à nouveau',
    translating: 'Traduction en {language}…',
    cancel: 'Annuler',
    cancelled: 'Traduction annulée. Votre brouillon est conservé.',
    waiting: 'La traduction s’affiche ici pendant que vous écrivez.',
    stale: 'Le brouillon a changé depuis cette traduction.',
    by: 'Traduit par {service}',
    edited: 'Modifié par vous',
    errors: {
      quota:
        'Le quota de traduction de {service} pour cette période est épuisé : rien n’a été traduit. Votre brouillon est conservé ; un manager peut relever le quota ou changer la clé.',
      keyRefused:
        '{service} a refusé la clé de la boîte. Votre brouillon est conservé ; un manager doit vérifier la clé dans les réglages de traduction.',
      noKey:
        'Aucune clé {service} n’est enregistrée. Votre brouillon est conservé ; un manager peut en ajouter une dans les réglages de traduction.',
      tooLong:
        'Le brouillon est plus long que ce que {service} traduit en une fois. Votre brouillon est conservé ; raccourcissez-le et réessayez.',
      tooLongLimit:
        'Le brouillon est plus long que ce que {service} traduit en une fois ({limit} caractères). Votre brouillon est conservé ; raccourcissez-le et réessayez.',
      timeout: '{service} n’a pas répondu à temps. Votre brouillon est conservé ; réessayez.',
      unavailable:
        '{service} ne peut pas traduire pour le moment. Votre brouillon est conservé ; réessayez dans un instant.',
      notConfigured:
        'Aucun service de traduction n’est configuré pour cette boîte. Votre brouillon est conservé.',
      busy: '{service} est surchargé. Votre brouillon est conservé ; réessayez dans un instant.',
      badRequest: 'Ce brouillon ne peut pas être traduit. Votre brouillon est conservé.',
      other: 'La traduction a échoué. Votre brouillon est conservé ; réessayez.',
    },
  },
};
