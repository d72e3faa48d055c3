import type { Translation } from './types';

/** The team dialog: agents of the hub, adding one. */
export const en = {
  title: 'Team',
  loading: 'Loading the team…',
  unavailable: 'The team is unavailable: {message}',
  noLanguages: 'No languages set',
  you: 'you',
  tokenShown:
    '{name} signs in with this personal token. It is shown only now: copy it and hand it over privately.',
  copy: 'Copy',
  copied: 'Copied',
  add: 'Add an agent',
  name: 'Name',
  role: 'Role',
  languages: 'Languages spoken (codes, e.g. fr en nl)',
  languagesPlaceholder: 'fr en',
  submit: 'Add agent',
  managerOnly: 'Only a manager adds agents.',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Équipe',
  loading: 'Chargement de l’équipe…',
  unavailable: 'L’équipe est indisponible : {message}',
  noLanguages: 'Aucune langue indiquée',
  you: 'vous',
  tokenShown:
    '{name} se connecte avec ce jeton personnel. Il n’est affiché que maintenant : copiez-le et transmettez-le en privé.',
  copy: 'Copier',
  copied: 'Copié',
  add: 'Ajouter un agent',
  name: 'Nom',
  role: 'Rôle',
  languages: 'Langues parlées (codes, p. ex. fr en nl)',
  languagesPlaceholder: 'fr en',
  submit: 'Ajouter l’agent',
  managerOnly: 'Seul un responsable ajoute des agents.',
};
