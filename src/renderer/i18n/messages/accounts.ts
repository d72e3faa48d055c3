import type { Translation } from './types';

/** The accounts dialog, the account chips of the top bar and the banner about connections. */
export const en = {
  title: 'Accounts',
  lead: 'The inbox reads and answers through these accounts. Their tokens stay in the system keychain and are never shown here.',
  loading: 'Loading accounts…',
  unavailable: 'Accounts unavailable: {message}',
  none: 'No account is connected yet.',
  accessUntil: 'access until {date}',
  reconnect: 'Reconnect',
  disconnectMenu: 'Disconnect…',
  disconnectGroup: 'Disconnect {name}',
  disconnectQuestion:
    'Disconnect {name}? Its sync stops and its token is deleted from the keychain. Its conversations stay in the inbox unless you choose otherwise.',
  deleteHistory: 'Also delete its conversations and posts from the inbox',
  disconnect: 'Disconnect',
  keep: 'Keep it',
  disconnectFailed: '{name} could not be disconnected: {message}',
  opening: 'Opening the {platform} sign-in page…',
  finishInBrowser: 'Finish signing in to {platform} in your browser, then come back here.',
  openSignIn: 'Open the sign-in page',
  whichPages: 'Which Pages should the inbox follow?',
  pageConnected: '(connected: its token is renewed)',
  connectPages: '{count, plural, one {Connect # Page} other {Connect # Pages}}',
  connecting: 'Connecting…',
  connected:
    '{count, plural, one {Connected: {names}. Its conversations arrive in a moment.} other {Connected: {names}. Their conversations arrive in a moment.}}',
  connectX: 'Connect an X account',
  connectFacebook: 'Connect Facebook Pages',
  managerOnly: 'Only a manager connects or disconnects accounts.',
  chip: {
    fetched: 'Fetched {fetched}',
    fetchedOf: 'Fetched {fetched} of about {estimated}',
    progress: 'Sync progress of {handle}',
  },
  banner: 'Account connections',
  alert: {
    onX: '{handle} on X',
    facebookPage: 'the {handle} Facebook Page',
    revoked: {
      x: 'X access to {name} was withdrawn: nothing is synced or sent until it is connected again.',
      facebook:
        'Facebook access to {name} was withdrawn: nothing is synced or sent until it is connected again.',
    },
    expired:
      'The connection to {name} has expired: nothing is synced or sent until it is connected again.',
    permissions:
      'X refused the app access for {name}: connect the account again and grant the access asked. Nothing is synced or sent until then.',
    dailyCap:
      'X’s 24-hour posting limit for {name} is reached: replies wait until {until}, then leave on their own.',
    usageCap:
      'The X app’s monthly usage cap is reached: {name} is paused until {until}, then tried again.',
    ended: 'The connection to {name} ended on {date}: connect it again.',
    endsSoon:
      'The connection to {name} ends on {date} (in {days, plural, one {# day} other {# days}}): connect it again before then.',
    permission:
      'The inbox lacks the {permission} permission for {name}: connect it again and grant {permission}.',
    permissionUnnamed:
      'The inbox lacks a permission it needs for {name}: connect it again and grant every permission asked.',
    paused:
      'The platform’s rate limit pauses {name} until {date}, {time}: nothing is lost, syncing resumes then.',
    pausedToday:
      'The platform’s rate limit pauses {name} until {time}: nothing is lost, syncing resumes then.',
    versionEnds:
      'Facebook stops serving Graph API {version} on {date} (in {days, plural, one {# day} other {# days}}): set a newer Graph version before then.',
    versionEnded:
      'Facebook stopped serving Graph API {version} on {date} and answers with a newer version: set a newer Graph version.',
  },
} as const;

export const fr: Translation<typeof en> = {
  title: 'Comptes',
  lead: 'La boîte de réception passe par ces comptes pour lire et répondre. Leurs jetons restent dans le trousseau du système et ne sont jamais affichés ici.',
  loading: 'Chargement des comptes…',
  unavailable: 'Comptes indisponibles : {message}',
  none: 'Aucun compte n’est encore connecté.',
  accessUntil: 'accès jusqu’au {date}',
  reconnect: 'Reconnecter',
  disconnectMenu: 'Déconnecter…',
  disconnectGroup: 'Déconnecter {name}',
  disconnectQuestion:
    'Déconnecter {name} ? Sa synchronisation s’arrête et son jeton est supprimé du trousseau. Ses conversations restent dans la boîte de réception, sauf si vous choisissez de les supprimer.',
  deleteHistory: 'Supprimer aussi ses conversations et ses messages de la boîte de réception',
  disconnect: 'Déconnecter',
  keep: 'Le garder',
  disconnectFailed: 'Impossible de déconnecter {name} : {message}',
  opening: 'Ouverture de la page de connexion {platform}…',
  finishInBrowser: 'Terminez la connexion à {platform} dans votre navigateur, puis revenez ici.',
  openSignIn: 'Ouvrir la page de connexion',
  whichPages: 'Quelles Pages la boîte de réception doit-elle suivre ?',
  pageConnected: '(connectée : son jeton est renouvelé)',
  connectPages: '{count, plural, one {Connecter # Page} other {Connecter # Pages}}',
  connecting: 'Connexion…',
  connected:
    '{count, plural, one {Connecté : {names}. Ses conversations arrivent dans un instant.} other {Connectés : {names}. Leurs conversations arrivent dans un instant.}}',
  connectX: 'Connecter un compte X',
  connectFacebook: 'Connecter des Pages Facebook',
  managerOnly: 'Seul un responsable connecte ou déconnecte des comptes.',
  chip: {
    fetched: '{fetched} récupérés',
    fetchedOf: '{fetched} récupérés sur environ {estimated}',
    progress: 'Progression de la synchronisation de {handle}',
  },
  banner: 'Connexions des comptes',
  alert: {
    onX: '{handle} sur X',
    facebookPage: 'la Page Facebook {handle}',
    revoked: {
      x: 'L’accès X à {name} a été retiré : rien n’est synchronisé ni envoyé tant qu’il n’est pas reconnecté.',
      facebook:
        'L’accès Facebook à {name} a été retiré : rien n’est synchronisé ni envoyé tant qu’elle n’est pas reconnectée.',
    },
    expired:
      'La connexion à {name} a expiré : rien n’est synchronisé ni envoyé tant que le compte n’est pas reconnecté.',
    permissions:
      'X a refusé l’accès de l’application pour {name} : reconnectez le compte et accordez l’accès demandé. Rien n’est synchronisé ni envoyé d’ici là.',
    dailyCap:
      'La limite de publication de 24 heures de X est atteinte pour {name} : les réponses attendent jusqu’à {until}, puis partent d’elles-mêmes.',
    usageCap:
      'Le quota d’usage mensuel de l’application X est atteint : {name} est en pause jusqu’à {until}, puis réessayé.',
    ended: 'La connexion à {name} a pris fin le {date} : reconnectez le compte.',
    endsSoon:
      'La connexion à {name} prend fin le {date} (dans {days, plural, one {# jour} other {# jours}}) : reconnectez le compte d’ici là.',
    permission:
      'Il manque l’autorisation {permission} pour {name} : reconnectez le compte et accordez {permission}.',
    permissionUnnamed:
      'Il manque une autorisation nécessaire pour {name} : reconnectez le compte et accordez toutes les autorisations demandées.',
    paused:
      'La limite de requêtes de la plateforme met {name} en pause jusqu’au {date} à {time} : rien n’est perdu, la synchronisation reprend alors.',
    pausedToday:
      'La limite de requêtes de la plateforme met {name} en pause jusqu’à {time} : rien n’est perdu, la synchronisation reprend alors.',
    versionEnds:
      'Facebook cesse de servir la Graph API {version} le {date} (dans {days, plural, one {# jour} other {# jours}}) : choisissez une version plus récente d’ici là.',
    versionEnded:
      'Facebook a cessé de servir la Graph API {version} le {date} et répond avec une version plus récente : choisissez une version plus récente.',
  },
};
