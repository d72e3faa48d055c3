import type { Conversation, StatementAnswer } from '../../shared';

/** The fields of one triage change (updateConversation's input, once validated). */
export interface TriageChange {
  status?: Conversation['status'] | undefined;
  assignee?: string | null | undefined;
  priority?: Conversation['priority'] | undefined;
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
  /** A public statement answered it (kept only when none answered it before). */
  statement?: StatementAnswer | undefined;
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
    ...(change.statement !== undefined && current.statement == null
      ? answeredBy(current, change.statement)
      : {}),
    tags: [...tags],
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
}

/** What a statement changes of a conversation it answers: it, and the first response if none was. */
function answeredBy(
  current: Conversation,
  statement: StatementAnswer,
): Pick<Conversation, 'statement' | 'firstResponseMs'> {
  const waited = Date.parse(statement.at) - Date.parse(current.createdAt);
  return {
    statement,
    firstResponseMs: current.firstResponseMs ?? (waited >= 0 ? waited : null),
  };
}
