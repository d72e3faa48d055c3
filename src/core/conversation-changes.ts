import type { AuditFact, Conversation, InboxEvent } from '../shared';
import { triageFacts } from './audit/audit-facts';
import type { Actor } from './audit/audit-facts';
import { applyTriageChange } from './queue/triage-change';
import type { TriageChange } from './queue/triage-change';
import type { TagRegistry } from './queue/tag-registry';
import type { InboxCommits } from './store/inbox-commits';
import type { CommitFacts, InboxStore, StoreChange } from './store/port';
import type { SettingsChange } from './store/workspace-store';
import { dateOf } from './time/clock';
import type { Clock } from './time/clock';

/** A conversation before and after a change. */
export interface ChangePair {
  previous: Conversation;
  next: Conversation;
}

/** What else a change of conversations carries in the same write. */
export interface AlsoWritten {
  /** Tags it applies: those the registry does not know yet join it. */
  tags?: readonly string[];
  /** Other changes of the store in the same commit (a post hidden). */
  changes?: readonly StoreChange[];
  /** Changes of the settings in the same commit (an agent leaving the team). */
  settings?: readonly SettingsChange[];
}

export interface ConversationChangesDeps {
  store: InboxStore;
  commits: InboxCommits;
  tags: TagRegistry;
  clock: Clock;
  emit(event: InboxEvent): void;
  /** Runs a change of the stores in turn with ingests, so the two never interleave. */
  serialize<T>(change: () => Promise<T>): Promise<T>;
}

/**
 * How a change of conversations becomes real: stored with its audit entries as one commit (both or
 * neither; the list index follows the store once it is durable), then announced with who made it,
 * so a client that fetches it on the event sees its actions too.
 */
export class ConversationChanges {
  constructor(private readonly deps: ConversationChangesDeps) {}

  /** One conversation's new state (call inside `serialize`); `by` null is the sync's. */
  async save(
    next: Conversation,
    previous: Conversation,
    facts: readonly AuditFact[] = [],
    by?: string | null,
    also: AlsoWritten = {},
  ): Promise<void> {
    await this.commit([next], facts, also, { [previous.id]: previous.version });
    this.deps.emit({
      type: 'conversation.changed',
      conversation: next,
      ...(by !== undefined ? { by } : {}),
    });
  }

  /**
   * Many conversations' new states (call inside `serialize`), in one write, with each one's triage
   * facts and the action's own.
   */
  async saveMany(
    pairs: readonly ChangePair[],
    by: Actor,
    facts: CommitFacts = [],
    also: AlsoWritten = {},
  ): Promise<void> {
    const triage = pairs.flatMap((p) => triageFacts(p.previous, p.next, by));
    const all: CommitFacts =
      typeof facts === 'function' ? () => [...facts(), ...triage] : [...facts, ...triage];
    await this.commit(
      pairs.map((p) => p.next),
      all,
      also,
      Object.fromEntries(pairs.map((p) => [p.previous.id, p.previous.version])),
    );
    for (const { next } of pairs)
      this.deps.emit({ type: 'conversation.changed', conversation: next, by: by.actor });
  }

  /**
   * One triage change on each of these conversations that `pick` chooses (whatever its version: a
   * decision about all of them, such as "this agent left"), stored at once; `facts` are the
   * action's own, told how many conversations changed.
   */
  changeWhere(
    pick: (conversation: Conversation) => TriageChange | null,
    by: Actor,
    facts: (changed: number) => AuditFact[],
    ids: readonly string[],
    also: AlsoWritten = {},
  ): Promise<ChangePair[]> {
    const { conversations } = this.deps.store;
    return this.deps.serialize(async () => {
      const now = dateOf(this.deps.clock);
      const pairs: ChangePair[] = [];
      const found = new Map((await conversations.getMany(ids)).map((c) => [c.id, c]));
      for (const current of [...new Set(ids)].map((id) => found.get(id))) {
        const change = current ? pick(current) : null;
        if (!current || change == null) continue;
        pairs.push({ previous: current, next: applyTriageChange(current, change, now) });
      }
      await this.saveMany(pairs, by, facts(pairs.length), also);
      return pairs;
    });
  }

  /** Conversations, tags new to the registry and other writes, with their facts: one commit. */
  private async commit(
    next: readonly Conversation[],
    facts: CommitFacts,
    also: AlsoWritten,
    /** The version each was read at: checked again in the commit where processes share the store. */
    expect: Readonly<Record<string, number>>,
  ): Promise<void> {
    const { commits, tags, emit } = this.deps;
    const registering = tags.ensuring(also.tags ?? []);
    await commits.commit(facts, {
      changes: [
        ...(also.changes ?? []),
        { kind: 'conversations.put', conversations: next, expect },
      ],
      settings: [...(registering ? [registering] : []), ...(also.settings ?? [])],
    });
    if (registering) emit({ type: 'tags.changed', tags: tags.list() });
  }
}
