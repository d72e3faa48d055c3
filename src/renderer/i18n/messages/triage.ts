import type { Translation } from './types';

/** The triage bar of an open conversation: status, priority, assignee, tags. */
export const en = {
  status: 'Status',
  priority: 'Priority',
  hideOnPage: 'Spam hides it on the Page',
  assignee: 'Assignee',
  take: 'Take',
  tags: 'Tags',
  removeTag: 'Remove the tag {tag}',
  speaks: 'Speaks {languages}',
  languageMismatch: '{agent} does not speak {languages}',
  saving: 'Saving…',
} as const;

export const fr: Translation<typeof en> = {
  status: 'Statut',
  priority: 'Priorité',
  hideOnPage: 'Le spam le masque sur la Page',
  assignee: 'Attribuée à',
  take: 'Prendre',
  tags: 'Étiquettes',
  removeTag: 'Retirer l’étiquette {tag}',
  speaks: 'Parle {languages}',
  languageMismatch: '{agent} ne parle pas {languages}',
  saving: 'Enregistrement…',
};
