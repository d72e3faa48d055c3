import type { Translation } from './types';

/** The keyboard shortcuts help (`?`), one line per command of lib/keymap.ts. */
export const en = {
  title: 'Keyboard shortcuts',
  or: 'or',
  group: {
    move: 'Move through the queue',
    triage: 'Triage',
    other: 'Everywhere',
  },
  command: {
    next: 'Next conversation',
    previous: 'Previous conversation',
    'extend-next': 'Extend the selection down',
    'extend-previous': 'Extend the selection up',
    open: 'Open the conversation',
    'next-unassigned': 'Open the next unassigned conversation',
    select: 'Select or unselect for bulk changes',
    take: 'Take it (assign to me)',
    assign: 'Assign to someone…',
    tag: 'Tag…',
    status: 'Set the status…',
    priority: 'Set the priority…',
    reply: 'Reply (go to the composer)',
    search: 'Search',
    view: 'Apply view 1 to 9',
    escape: 'Close a picker, back to the list',
    help: 'Show these shortcuts',
  },
  note: 'Keys do nothing while you type in a field. Triage keys change the selection when there is one, otherwise the open conversation. ↓ in the search box goes to the results.',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Raccourcis clavier',
  or: 'ou',
  group: {
    move: 'Se déplacer dans la file',
    triage: 'Tri',
    other: 'Partout',
  },
  command: {
    next: 'Conversation suivante',
    previous: 'Conversation précédente',
    'extend-next': 'Étendre la sélection vers le bas',
    'extend-previous': 'Étendre la sélection vers le haut',
    open: 'Ouvrir la conversation',
    'next-unassigned': 'Ouvrir la prochaine conversation non attribuée',
    select: 'Sélectionner ou désélectionner pour une modification groupée',
    take: 'La prendre en charge (me l’attribuer)',
    assign: 'Attribuer à quelqu’un…',
    tag: 'Étiqueter…',
    status: 'Changer le statut…',
    priority: 'Changer la priorité…',
    reply: 'Répondre (aller à la zone de réponse)',
    search: 'Rechercher',
    view: 'Appliquer la vue 1 à 9',
    escape: 'Fermer un sélecteur, revenir à la liste',
    help: 'Afficher ces raccourcis',
  },
  note: 'Les touches ne font rien pendant la saisie dans un champ. Les touches de tri modifient la sélection s’il y en a une, sinon la conversation ouverte. ↓ dans la recherche mène aux résultats.',
};
