import type { Translation } from './types';

/** Tags: chips, the picker, the filter and the managers' Tags dialog. */
export const en = {
  row: {
    label: 'Tags',
    more: '+{count}',
  },
  picker: {
    label: 'Add or remove a tag',
    placeholder: 'Add a tag',
    create: 'Create “{name}”',
  },
  filter: {
    label: 'Tag',
    any: 'Any tag',
    manage: 'Manage tags',
  },
  dialog: {
    title: 'Tags',
    empty: 'No tags yet. Tags appear here as soon as someone applies one.',
    count: '{count, plural, =0 {no conversation} one {# conversation} other {# conversations}}',
    colorOf: 'Colour of {name}',
    color: 'Colour',
    rename: 'Rename',
    newName: 'New name for {name}',
    confirmDelete:
      '{count, plural, =0 {Delete the tag “{name}”? No conversation carries it.} one {Delete the tag “{name}”? It comes off the # conversation that carries it.} other {Delete the tag “{name}”? It comes off the # conversations that carry it.}}',
    deleteIt: 'Delete the tag',
    newTag: 'New tag',
    add: 'Add',
  },
  color: {
    gray: 'Grey',
    red: 'Red',
    orange: 'Orange',
    yellow: 'Yellow',
    green: 'Green',
    teal: 'Teal',
    blue: 'Blue',
    indigo: 'Indigo',
    purple: 'Purple',
    pink: 'Pink',
  },
} as const;

export const fr: Translation<typeof en> = {
  row: {
    label: 'Étiquettes',
    more: '+{count}',
  },
  picker: {
    label: 'Ajouter ou retirer une étiquette',
    placeholder: 'Ajouter une étiquette',
    create: 'Créer « {name} »',
  },
  filter: {
    label: 'Étiquette',
    any: 'Toutes les étiquettes',
    manage: 'Gérer les étiquettes',
  },
  dialog: {
    title: 'Étiquettes',
    empty:
      'Aucune étiquette pour l’instant. Elles apparaissent ici dès que quelqu’un en applique une.',
    count: '{count, plural, =0 {aucune conversation} one {# conversation} other {# conversations}}',
    colorOf: 'Couleur de {name}',
    color: 'Couleur',
    rename: 'Renommer',
    newName: 'Nouveau nom pour {name}',
    confirmDelete:
      '{count, plural, =0 {Supprimer l’étiquette « {name} » ? Aucune conversation ne la porte.} one {Supprimer l’étiquette « {name} » ? Elle sera retirée de la conversation qui la porte.} other {Supprimer l’étiquette « {name} » ? Elle sera retirée des # conversations qui la portent.}}',
    deleteIt: 'Supprimer l’étiquette',
    newTag: 'Nouvelle étiquette',
    add: 'Ajouter',
  },
  color: {
    gray: 'Gris',
    red: 'Rouge',
    orange: 'Orange',
    yellow: 'Jaune',
    green: 'Vert',
    teal: 'Bleu canard',
    blue: 'Bleu',
    indigo: 'Indigo',
    purple: 'Violet',
    pink: 'Rose',
  },
};
