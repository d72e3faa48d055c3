import type { Translation } from './types';

/** The filter panel on the left: search, platform, status, assignee, language. */
export const en = {
  region: 'Filters',
  search: 'Search conversations',
  searchPlaceholder: 'Search',
  platform: 'Platform',
  allPlatforms: 'All',
  status: 'Status',
  allStatuses: 'All conversations',
  assignee: 'Assignee',
  anyone: 'Anyone',
  mine: 'Mine',
  unassigned: 'Unassigned',
  language: 'Language',
  allLanguages: 'All languages',
  languageOption: '{name} ({code})',
  clear: 'Clear filters',
  shortcuts: {
    title: 'Keyboard shortcuts',
    move: 'Next / previous',
    open: 'Open conversation',
    enterKey: 'Enter',
    search: 'Search',
  },
} as const;

export const fr: Translation<typeof en> = {
  region: 'Filtres',
  search: 'Rechercher dans les conversations',
  searchPlaceholder: 'Rechercher',
  platform: 'Plateforme',
  allPlatforms: 'Toutes',
  status: 'Statut',
  allStatuses: 'Toutes les conversations',
  assignee: 'Attribution',
  anyone: 'Tout le monde',
  mine: 'Les miennes',
  unassigned: 'Non attribuées',
  language: 'Langue',
  allLanguages: 'Toutes les langues',
  languageOption: '{name} ({code})',
  clear: 'Effacer les filtres',
  shortcuts: {
    title: 'Raccourcis clavier',
    move: 'Suivante / précédente',
    open: 'Ouvrir la conversation',
    enterKey: 'Entrée',
    search: 'Rechercher',
  },
};
