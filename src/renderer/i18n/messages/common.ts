import type { Translation } from './types';

/** Words used across the whole app: the language and theme switches, generic actions. */
export const en = {
  language: {
    label: 'Language',
    system: 'System',
    en: 'English',
    fr: 'Français',
  },
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  action: {
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    retry: 'Retry',
    delete: 'Delete',
  },
  languagePicker: {
    placeholder: 'Type a language',
    all: 'Show the languages',
    remove: 'Remove {language}',
    none: 'No language by that name',
    chosen: '{label}: chosen',
  },
  day: {
    day: 'day',
    month: 'month',
    year: 'year',
  },
} as const;

export const fr: Translation<typeof en> = {
  language: {
    label: 'Langue',
    system: 'Système',
    en: 'English',
    fr: 'Français',
  },
  theme: {
    label: 'Thème',
    system: 'Système',
    light: 'Clair',
    dark: 'Sombre',
  },
  action: {
    close: 'Fermer',
    cancel: 'Annuler',
    save: 'Enregistrer',
    retry: 'Réessayer',
    delete: 'Supprimer',
  },
  languagePicker: {
    placeholder: 'Tapez une langue',
    all: 'Afficher les langues',
    remove: 'Retirer {language}',
    none: 'Aucune langue de ce nom',
    chosen: '{label} : choisies',
  },
  day: {
    day: 'jour',
    month: 'mois',
    year: 'année',
  },
};
