import type { Translation } from './types';

/** The translation service's settings, for managers (in the Accounts dialog). */
export const en = {
  title: 'Translation',
  hint: 'Customers’ posts and the replies agents draft in their own language are translated by this service. A key is kept in the keychain of the computer that runs the inbox (the hub’s, for a team) and is never shown again.',
  service: 'Service',
  none: 'None (translation off)',
  deeplUrl: 'DeepL address (empty: chosen by the key)',
  libreTranslateUrl: 'LibreTranslate server',
  keySet: 'A {service} key is set.',
  noKey: 'No {service} key is set.',
  newKey: 'New {service} key',
  removeKey: 'Remove the key',
  save: 'Save',
  saved: 'Saved.',
  failed: 'Not saved: {message}',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Traduction',
  hint: 'Les publications des clients et les réponses que les agents rédigent dans leur langue sont traduites par ce service. Une clé est gardée dans le trousseau de l’ordinateur qui fait tourner la boîte (celui du hub, pour une équipe) et n’est plus jamais affichée.',
  service: 'Service',
  none: 'Aucun (traduction désactivée)',
  deeplUrl: 'Adresse de DeepL (vide : choisie d’après la clé)',
  libreTranslateUrl: 'Serveur LibreTranslate',
  keySet: 'Une clé {service} est enregistrée.',
  noKey: 'Aucune clé {service} n’est enregistrée.',
  newKey: 'Nouvelle clé {service}',
  removeKey: 'Supprimer la clé',
  save: 'Enregistrer',
  saved: 'Enregistré.',
  failed: 'Non enregistré : {message}',
};
