import { InboxError } from '../shared';
import type { AuditFact, Conversation, InboxEvent } from '../shared';
import { arrivalFact } from './audit/audit-facts';
import { stageIngest } from './ingest';
import type { TagRegistry } from './queue/tag-registry';
import { applyTriageChange } from './queue/triage-change';
import type { RuleBook } from './rules/rule-book';
import { answeredOutside } from './triage/answered-outside';
import { teamSettingsOf } from './team/team-settings';
import type { InboxCommits } from './store/inbox-commits';
import type { InboxStore } from './store/port';
import type { SettingsChange, WorkspaceStore } from './store/workspace-store';
import type { CursorMove } from './sync/sync-context';
import type { DraftPost } from './triage/threading';

export interface ArrivalsDeps {
  store: InboxStore;
  commits: InboxCommits;
  rules: RuleBook;
  tags: TagRegistry;
  workspace: WorkspaceStore;
  emit(event: InboxEvent): void;
}

/**
 * Posts found by sync (or a reply that left): threaded and stored, each new customer post recorded
 * as an arrival, the managers' rules run on each conversation that just arrived (before anyone sees
 * it), whose turn it is kept, the tags the rules applied registered: all as one commit, so a failed
 * write leaves no post, conversation or entry behind (sync fetches the posts again), and the sync's
 * cursors that cover the posts move in the same commit. Then each
 * change is announced.
 */
export async function receive(
  deps: ArrivalsDeps,
  drafts: DraftPost[],
  now: Date,
  move?: CursorMove,
): Promise<void> {
  // Where several processes share the store, a conversation another changed while this batch was
  // worked out refuses the commit: the batch is worked out again from the store as it is now.
  for (let attempt = 1; ; attempt++) {
    try {
      return await receiveOnce(deps, drafts, now, move);
    } catch (err) {
      if (!(err instanceof InboxError && err.code === 'conflict') || attempt >= 5) throw err;
    }
  }
}

async function receiveOnce(
  deps: ArrivalsDeps,
  drafts: DraftPost[],
  now: Date,
  move?: CursorMove,
): Promise<void> {
  const { commits, rules, tags, workspace, emit } = deps;
  const staged = await stageIngest(deps.store, drafts, now);
  // Replies sent from here are recorded as replies; every other new post as an arrival.
  const facts: AuditFact[] = staged.fresh.filter((p) => p.sentBy == null).map(arrivalFact);
  const by = new Map<string, string | null>();
  const ruled = new Map<string, Conversation>();
  let turns = workspace.data.ruleTurns;
  for (const conversation of staged.changed) {
    if (conversation.version !== 1) continue;
    const opener = staged.threads.get(conversation.id)?.find((p) => p.direction === 'inbound');
    const outcome = rules.onArrival(conversation, opener?.text ?? '', turns);
    turns = outcome.turns;
    if (outcome.result == null) continue;
    facts.push(...outcome.result.facts);
    // Part of its arrival: nobody has seen the conversation yet, so it stays at version 1 (and is
    // still a new arrival to whom it concerns).
    ruled.set(conversation.id, {
      ...applyTriageChange(conversation, outcome.result.change, now),
      version: 1,
    });
    by.set(conversation.id, outcome.result.assignedBy);
  }
  const moved = answeredOutside(
    staged.changed.map((c) => ruled.get(c.id) ?? c),
    staged.fresh,
    teamSettingsOf(workspace.data).answeredOutsideStatus,
    now,
  );
  facts.push(...moved.facts);
  const changed = moved.conversations;
  const changes = staged.changes.map((c) =>
    c.kind === 'conversations.put' ? { ...c, conversations: changed } : c,
  );
  if (move) {
    changes.push({ kind: 'cursors.set', accountId: move.accountId, cursors: move.cursors });
    if (move.gaps?.length) changes.push({ kind: 'gaps.put', gaps: move.gaps });
  }
  const settings: SettingsChange[] = [];
  if (JSON.stringify(turns) !== JSON.stringify(workspace.data.ruleTurns)) {
    const next = turns;
    settings.push((data) => {
      data.ruleTurns = next;
    });
  }
  const registering = tags.ensuring([...ruled.values()].flatMap((c) => c.tags));
  if (registering) settings.push(registering);
  await commits.commit(facts, { changes, settings });
  if (registering) emit({ type: 'tags.changed', tags: tags.list() });
  for (const conversation of changed)
    emit({ type: 'conversation.changed', conversation, by: by.get(conversation.id) ?? null });
  for (const { id, into } of staged.removed) emit({ type: 'conversation.removed', id, into });
}
