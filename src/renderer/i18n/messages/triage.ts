import type { Translation } from './types';

/** The triage bar of an open conversation: status, assignee, tags. */
export const en = {
  status: 'Status',
  assignee: 'Assignee',
  take: 'Take',
  tags: 'Tags',
  removeTag: 'Remove the tag {tag}',
  addTag: 'Add a tag',
} as const;

export const fr: Translation<typeof en> = {
  status: 'Statut',
  assignee: 'Attribuée à',
  take: 'Prendre',
  tags: 'Étiquettes',
  removeTag: 'Retirer l’étiquette {tag}',
  addTag: 'Ajouter une étiquette',
};
