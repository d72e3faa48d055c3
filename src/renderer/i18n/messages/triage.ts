import type { Translation } from './types';

/** The triage bar of an open conversation: status, assignee, tags. */
export const en = {
  status: 'Status',
  hideOnPage: 'Spam hides it on the Page',
  assignee: 'Assignee',
  take: 'Take',
  tags: 'Tags',
  removeTag: 'Remove the tag {tag}',
  addTag: 'Add a tag',
} as const;

export const fr: Translation<typeof en> = {
  status: 'Statut',
  hideOnPage: 'Le spam le masque sur la Page',
  assignee: 'Attribuée à',
  take: 'Prendre',
  tags: 'Étiquettes',
  removeTag: 'Retirer l’étiquette {tag}',
  addTag: 'Ajouter une étiquette',
};
