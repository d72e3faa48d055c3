import type { Translation } from './types';

/** Notifications: in the window and on the desktop. */
export const en = {
  region: 'Notifications',
  open: 'Open',
  dismiss: 'Dismiss',
  someone: 'A teammate',
  enable: 'Turn on notifications',
  enabled: 'Notifications on',
  blocked: 'Notifications blocked',
  blockedHint: 'Your browser blocks notifications for this site; allow them in its settings.',
  enableHint:
    'Desktop notifications when a conversation is assigned to you, you are mentioned, or an urgent one arrives',
  assigned: {
    title: '{name} assigned you a conversation',
    body: 'From {author}',
  },
  mention: {
    title: '{name} mentioned you in a note',
  },
  priority: {
    high: 'High-priority conversation from {author}',
    urgent: 'Urgent conversation from {author}',
  },
} as const;

export const fr: Translation<typeof en> = {
  region: 'Notifications',
  open: 'Ouvrir',
  dismiss: 'Fermer',
  someone: 'Un membre de l’équipe',
  enable: 'Activer les notifications',
  enabled: 'Notifications activées',
  blocked: 'Notifications bloquées',
  blockedHint:
    'Votre navigateur bloque les notifications pour ce site ; autorisez-les dans ses réglages.',
  enableHint:
    'Notifications sur le bureau quand une conversation vous est attribuée, qu’on vous mentionne ou qu’une conversation urgente arrive',
  assigned: {
    title: '{name} vous a attribué une conversation',
    body: 'De {author}',
  },
  mention: {
    title: '{name} vous a mentionné dans une note',
  },
  priority: {
    high: 'Conversation prioritaire de {author}',
    urgent: 'Conversation urgente de {author}',
  },
};
