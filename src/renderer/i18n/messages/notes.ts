import type { Translation } from './types';

/** Internal notes: the note composer, its @-mention picker, notes in the timeline. */
export const en = {
  tabs: {
    label: 'Write',
    reply: 'Reply',
    note: 'Internal note',
  },
  composer: {
    region: 'Internal note',
    label: 'Note text',
    placeholder: 'Write a note for the team; type @ to mention someone…',
    hint: 'Only the team sees notes. Ctrl+Enter adds it.',
    add: 'Add note',
    added: 'Note added.',
    count: '{count, number}/{max, number}',
  },
  picker: {
    label: 'Team members',
  },
  item: {
    label: 'Internal note',
    by: 'Internal note by {name}',
    private: 'Only visible to the team',
    you: 'You',
  },
} as const;

export const fr: Translation<typeof en> = {
  tabs: {
    label: 'Écrire',
    reply: 'Réponse',
    note: 'Note interne',
  },
  composer: {
    region: 'Note interne',
    label: 'Texte de la note',
    placeholder: 'Écrivez une note pour l’équipe ; tapez @ pour mentionner quelqu’un…',
    hint: 'Seule l’équipe voit les notes. Ctrl+Entrée pour l’ajouter.',
    add: 'Ajouter la note',
    added: 'Note ajoutée.',
    count: '{count, number}/{max, number}',
  },
  picker: {
    label: 'Membres de l’équipe',
  },
  item: {
    label: 'Note interne',
    by: 'Note interne de {name}',
    private: 'Visible uniquement par l’équipe',
    you: 'Vous',
  },
};
