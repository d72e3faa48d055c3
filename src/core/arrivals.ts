import type { AuditFact, Conversation, InboxEvent } from '../shared';
import { arrivalFact } from './audit/audit-facts';
import type { AuditLog } from './audit/audit-log';
import { stageIngest } from './ingest';
import type { IngestStores } from './ingest';
import type { TagRegistry } from './queue/tag-registry';
import { applyTriageChange } from './queue/triage-change';
import type { RuleBook } from './rules/rule-book';
import type { StagedWrite } from './store/staged-write';
import type { WorkspaceStore } from './store/workspace-store';
import type { DraftPost } from './triage/threading';

export interface ArrivalsDeps extends IngestStores {
  audit: AuditLog;
  rules: RuleBook;
  tags: TagRegistry;
  workspace: WorkspaceStore;
  emit(event: InboxEvent): void;
}

/**
 * Posts found by sync (or a reply that left): threaded and stored, each new customer post recorded
 * as an arrival, the managers' rules run on each conversation that just arrived (before anyone sees
 * it), whose turn it is kept, the tags the rules applied registered: all as one commit, so a failed
 * write leaves no post, conversation or entry behind (sync fetches the posts again). Then each
 * change is announced.
 */
export async function receive(deps: ArrivalsDeps, drafts: DraftPost[], now: Date): Promise<void> {
  const { posts, conversations, audit, rules, tags, workspace, emit } = deps;
  const staged = await stageIngest(deps, drafts, now);
  // Replies sent from here are recorded as replies; every other new post as an arrival.
  const facts: AuditFact[] = staged.fresh.filter((p) => p.sentBy == null).map(arrivalFact);
  const by = new Map<string, string | null>();
  const ruled = new Map<string, Conversation>();
  let turns = workspace.data.ruleTurns;
  for (const conversation of staged.changed) {
    if (conversation.version !== 1) continue;
    const opener = posts.ofConversation(conversation.id).find((p) => p.direction === 'inbound');
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
  const changed = staged.changed.map((c) => ruled.get(c.id) ?? c);
  const writes: StagedWrite[] = [
    ...staged.postWrites,
    conversations.putting(changed),
    conversations.removing(staged.removed.map((r) => r.id)),
  ];
  if (JSON.stringify(turns) !== JSON.stringify(workspace.data.ruleTurns)) {
    const next = turns;
    writes.push(
      workspace.changing((data) => {
        data.ruleTurns = next;
      }),
    );
  }
  const registering = tags.ensuring([...ruled.values()].flatMap((c) => c.tags));
  if (registering) writes.push(registering);
  await audit.commit(facts, ...writes);
  if (registering) emit({ type: 'tags.changed', tags: tags.list() });
  for (const conversation of changed)
    emit({ type: 'conversation.changed', conversation, by: by.get(conversation.id) ?? null });
  for (const { id, into } of staged.removed) emit({ type: 'conversation.removed', id, into });
}
