import type { Translation } from './types';

/** Saved replies: picking one in the composer, and managing them. */
export const en = {
  open: 'Saved replies',
  inLanguage: 'In {language}',
  others: 'Other languages',
  none: 'No saved replies yet.',
  insert: 'Insert',
  preview: 'Preview',
  manage: 'Manage saved replies',
  title: 'Saved replies',
  intro: 'Replies the team uses often, per language. Variables: {variables}.',
  add: 'Add a saved reply',
  name: 'Title',
  language: 'Language (code, e.g. fr)',
  text: 'Text',
  save: 'Save',
  delete: 'Delete',
  unsent: 'Not sent: {error}',
  retry: 'Send again',
  discard: 'Discard',
} as const;

export const fr: Translation<typeof en> = {
  open: 'Réponses enregistrées',
  inLanguage: 'En {language}',
  others: 'Autres langues',
  none: 'Aucune réponse enregistrée pour l’instant.',
  insert: 'Insérer',
  preview: 'Aperçu',
  manage: 'Gérer les réponses enregistrées',
  title: 'Réponses enregistrées',
  intro: 'Les réponses que l’équipe utilise souvent, par langue. Variables : {variables}.',
  add: 'Ajouter une réponse enregistrée',
  name: 'Titre',
  language: 'Langue (code, p. ex. fr)',
  text: 'Texte',
  save: 'Enregistrer',
  delete: 'Supprimer',
  unsent: 'Non envoyée : {error}',
  retry: 'Renvoyer',
  discard: 'Abandonner',
};
