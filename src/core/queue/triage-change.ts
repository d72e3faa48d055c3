import type { Conversation } from '../../shared';

/** The fields of one triage change (updateConversation's input, once validated). */
export interface TriageChange {
  status?: Conversation['status'] | undefined;
  assignee?: string | null | undefined;
  priority?: Conversation['priority'] | undefined;
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
}

/** A conversation with a triage change made on it: the next version. */
export function applyTriageChange(
  current: Conversation,
  change: TriageChange,
  now: Date,
): Conversation {
  const tags = new Set(current.tags);
  for (const tag of change.removeTags ?? []) tags.delete(tag);
  for (const tag of change.addTags ?? []) tags.add(tag);
  return {
    ...current,
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.assignee !== undefined ? { assignee: change.assignee } : {}),
    ...(change.priority !== undefined ? { priority: change.priority } : {}),
    tags: [...tags],
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
}
