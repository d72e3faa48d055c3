import type { Translation } from './types';

/** The desktop app's team hub dialog. */
export const en = {
  title: 'Team hub',
  signedIn: "Signed in as {name}. Social Inbox restarts in the team's queue…",
  left: 'Left the team hub. Social Inbox restarts in your own inbox…',
  inTeam:
    "You work in a team hub's shared queue as {name}. Your personal token is kept in this computer's keychain.",
  leave: 'Leave the team hub',
  lead: "Work in your team's shared queue: give the hub's address and the personal token your manager gave you. The token is kept in this computer's keychain, never in a file.",
  address: 'Hub address',
  token: 'Personal token',
  connect: 'Connect',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Hub d’équipe',
  signedIn: 'Connecté en tant que {name}. Social Inbox redémarre dans la file de l’équipe…',
  left: 'Vous avez quitté le hub d’équipe. Social Inbox redémarre dans votre propre boîte de réception…',
  inTeam:
    'Vous travaillez dans la file partagée d’un hub d’équipe en tant que {name}. Votre jeton personnel est conservé dans le trousseau de cet ordinateur.',
  leave: 'Quitter le hub d’équipe',
  lead: 'Travaillez dans la file partagée de votre équipe : indiquez l’adresse du hub et le jeton personnel que votre responsable vous a remis. Le jeton est conservé dans le trousseau de cet ordinateur, jamais dans un fichier.',
  address: 'Adresse du hub',
  token: 'Jeton personnel',
  connect: 'Se connecter',
};
