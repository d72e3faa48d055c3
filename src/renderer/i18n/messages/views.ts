import type { Translation } from './types';

/** Saved views in the filter panel. */
export const en = {
  title: 'Views',
  builtin: {
    mine: 'Mine',
    unassigned: 'Unassigned',
    active: 'To do',
    new: 'New',
    open: 'Open',
  },
  key: 'Keyboard shortcut: {key}',
  delete: 'Delete the view {name}',
  name: 'Name of the view',
  saveCurrent: 'Save current view…',
  duplicate: 'There is already a view called “{name}”: choose another name.',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Vues',
  builtin: {
    mine: 'Les miennes',
    unassigned: 'Non attribuées',
    active: 'À traiter',
    new: 'Nouvelles',
    open: 'Ouvertes',
  },
  key: 'Raccourci clavier : {key}',
  delete: 'Supprimer la vue {name}',
  name: 'Nom de la vue',
  saveCurrent: 'Enregistrer la vue actuelle…',
  duplicate: 'Une vue s’appelle déjà « {name} » : choisissez un autre nom.',
};
