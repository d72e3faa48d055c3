import type { Translation } from './types';

/** Names of statuses, priorities and account states, shown across the inbox. */
export const en = {
  status: {
    new: 'New',
    open: 'Open',
    pending: 'Pending',
    done: 'Done',
    spam: 'Spam',
  },
  priority: {
    low: 'Low',
    normal: 'Normal',
    high: 'High',
    urgent: 'Urgent',
  },
  sentiment: {
    negative: 'Negative',
    neutral: 'Neutral',
    positive: 'Positive',
    /** The post's tone, for a badge's accessible name. */
    tone: 'Tone: {label}',
  },
  account: {
    connected: 'Connected',
    syncing: 'Syncing',
    rateLimited: 'Rate-limited',
    rateLimitedUntil: 'Rate-limited until {time}',
    dailyCap: 'Posting paused',
    dailyCapUntil: 'Posting paused until {time}',
    usageCap: 'Usage cap reached',
    usageCapUntil: 'Usage cap reached, next try {time}',
    permissions: 'Reconnect to grant access',
    expired: 'Expired',
    revoked: 'Revoked',
    error: 'Error',
  },
  role: {
    manager: 'Manager',
    agent: 'Agent',
  },
  you: 'You',
  meNamed: '{name} (you)',
  unassigned: 'Unassigned',
} as const;

export const fr: Translation<typeof en> = {
  status: {
    new: 'Nouvelle',
    open: 'Ouverte',
    pending: 'En attente',
    done: 'Traitée',
    spam: 'Spam',
  },
  priority: {
    low: 'Basse',
    normal: 'Normale',
    high: 'Haute',
    urgent: 'Urgente',
  },
  sentiment: {
    negative: 'Négatif',
    neutral: 'Neutre',
    positive: 'Positif',
    tone: 'Ton : {label}',
  },
  account: {
    connected: 'Connecté',
    syncing: 'Synchronisation',
    rateLimited: 'Limite de requêtes atteinte',
    rateLimitedUntil: 'Limite de requêtes jusqu’à {time}',
    dailyCap: 'Publication suspendue',
    dailyCapUntil: 'Publication suspendue jusqu’à {time}',
    usageCap: 'Quota d’usage atteint',
    usageCapUntil: 'Quota d’usage atteint, nouvel essai {time}',
    permissions: 'Reconnecter pour accorder l’accès',
    expired: 'Expiré',
    revoked: 'Révoqué',
    error: 'Erreur',
  },
  role: {
    manager: 'Responsable',
    agent: 'Agent',
  },
  you: 'Vous',
  meNamed: '{name} (vous)',
  unassigned: 'Non attribuée',
};
