import type { AuditFact, Conversation, InboxEvent } from '../shared';
import type { AuditLog } from './audit/audit-log';
import { triageFacts } from './audit/audit-facts';
import type { Actor } from './audit/audit-facts';
import { applyTriageChange } from './queue/triage-change';
import type { TriageChange } from './queue/triage-change';
import type { ConversationIndex } from './store/conversation-query';
import type { ConversationStore } from './store/conversation-store';
import { dateOf } from './time/clock';
import type { Clock } from './time/clock';

/** A conversation before and after a change. */
export interface ChangePair {
  previous: Conversation;
  next: Conversation;
}

export interface ConversationChangesDeps {
  conversations: ConversationStore;
  index: ConversationIndex;
  audit: AuditLog;
  clock: Clock;
  emit(event: InboxEvent): void;
  /** Runs a change of the stores in turn with ingests, so the two never interleave. */
  serialize<T>(change: () => Promise<T>): Promise<T>;
}

/**
 * How a change of conversations becomes real: indexed, stored and recorded in the audit trail
 * (synced to disk together), then announced with who made it, so a client that fetches it on the
 * event sees its actions too.
 */
export class ConversationChanges {
  constructor(private readonly deps: ConversationChangesDeps) {}

  /** One conversation's new state (call inside `serialize`); `by` null is the sync's. */
  async save(
    next: Conversation,
    previous: Conversation,
    facts: readonly AuditFact[] = [],
    by?: string | null,
  ): Promise<void> {
    const { index, conversations, audit, emit } = this.deps;
    index.update(next, previous);
    await Promise.all([conversations.put([next]), ...facts.map((f) => audit.record(f))]);
    emit({ type: 'conversation.changed', conversation: next, ...(by !== undefined ? { by } : {}) });
  }

  /**
   * Many conversations' new states (already indexed; call inside `serialize`), in one write, with
   * each one's triage facts and the action's own.
   */
  async saveMany(
    pairs: readonly ChangePair[],
    by: Actor,
    facts: readonly AuditFact[] = [],
  ): Promise<void> {
    const { conversations, audit, emit } = this.deps;
    const all = [...facts, ...pairs.flatMap((p) => triageFacts(p.previous, p.next, by))];
    await Promise.all([
      conversations.put(pairs.map((p) => p.next)),
      ...all.map((fact) => audit.record(fact)),
    ]);
    for (const { next } of pairs)
      emit({ type: 'conversation.changed', conversation: next, by: by.actor });
  }

  /**
   * One triage change on each conversation `pick` chooses (whatever its version: a decision about
   * all of them, such as "this agent left"), stored at once; `facts` are the action's own, told
   * how many conversations changed.
   */
  changeWhere(
    pick: (conversation: Conversation) => TriageChange | null,
    by: Actor,
    facts: (changed: number) => AuditFact[] = () => [],
    candidates?: Iterable<Conversation>,
  ): Promise<ChangePair[]> {
    const { conversations, index } = this.deps;
    return this.deps.serialize(async () => {
      const now = dateOf(this.deps.clock);
      const pairs: ChangePair[] = [];
      for (const previous of candidates ?? conversations.all()) {
        const current = conversations.get(previous.id);
        const change = current ? pick(current) : null;
        if (!current || change == null) continue;
        const next = applyTriageChange(current, change, now);
        index.update(next, current);
        pairs.push({ previous: current, next });
      }
      await this.saveMany(pairs, by, facts(pairs.length));
      return pairs;
    });
  }
}
