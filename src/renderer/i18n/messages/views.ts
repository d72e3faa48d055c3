import type { Translation } from './types';

/** Saved views in the filter panel. */
export const en = {
  title: 'Views',
  builtin: {
    mine: 'Mine',
    unassigned: 'Unassigned',
    open: 'All open',
  },
  key: 'Key {key}',
  delete: 'Delete the view {name}',
  name: 'Name of the view',
  saveCurrent: 'Save current view…',
} as const;

export const fr: Translation<typeof en> = {
  title: 'Vues',
  builtin: {
    mine: 'Les miennes',
    unassigned: 'Non attribuées',
    open: 'Toutes les ouvertes',
  },
  key: 'Touche {key}',
  delete: 'Supprimer la vue {name}',
  name: 'Nom de la vue',
  saveCurrent: 'Enregistrer la vue actuelle…',
};
