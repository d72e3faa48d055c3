import type { Translation } from './types';

/** The sign-in screen of a team hub. */
export const en = {
  title: 'Sign in to the team inbox',
  lead: 'Paste the personal token your manager gave you. It was shown once, when your agent was created; ask for a new one if it is lost.',
  token: 'Personal token',
  submit: 'Sign in',
  busy: 'Signing in…',
  sessionEnded: 'Your session ended: sign in again.',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Connexion à la boîte de réception de l’équipe',
  lead: 'Collez le jeton personnel que votre responsable vous a remis. Il n’a été affiché qu’une fois, à la création de votre profil d’agent ; demandez-en un nouveau si vous l’avez perdu.',
  token: 'Jeton personnel',
  submit: 'Se connecter',
  busy: 'Connexion…',
  sessionEnded: 'Votre session a pris fin : reconnectez-vous.',
};
