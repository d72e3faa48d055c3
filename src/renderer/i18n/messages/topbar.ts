import type { Translation } from './types';

/** The bar at the top: accounts, team, signed-in agent, connection, language and theme. */
export const en = {
  accountsRegion: 'Connected accounts',
  loadingAccounts: 'Loading accounts…',
  accountsUnavailable: 'Accounts unavailable: {message}',
  noAccounts: 'No accounts connected',
  accounts: 'Accounts',
  teamHub: 'Team hub',
  team: 'Team',
  signOut: 'Sign out',
  connection: {
    open: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    'signed-out': 'Signed out',
  },
  settings: 'Display settings',
} as const;

export const fr: Translation<typeof en> = {
  accountsRegion: 'Comptes connectés',
  loadingAccounts: 'Chargement des comptes…',
  accountsUnavailable: 'Comptes indisponibles : {message}',
  noAccounts: 'Aucun compte connecté',
  accounts: 'Comptes',
  teamHub: 'Hub d’équipe',
  team: 'Équipe',
  signOut: 'Se déconnecter',
  connection: {
    open: 'En direct',
    connecting: 'Connexion…',
    reconnecting: 'Reconnexion…',
    'signed-out': 'Déconnecté',
  },
  settings: 'Affichage',
};
