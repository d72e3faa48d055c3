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
    await this.commit(facts, also, {
      kind: 'conversations.put',
      conversations: [next],
      expect: { [previous.id]: previous.version },
    });
    this.deps.emit({
      type: 'conversation.changed',
      conversation: next,
      ...(by !== undefined ? { by } : {}),
    });
  }

  /**
   * One conversation changed from its state as the commit finds it (call inside `serialize`), if
   * it is still at `version`: read, changed and stored in one transaction, with the change's
   * triage facts, then announced. Refused as the store refuses it (`not_found`, `conflict`).
   */
  async change(
    id: string,
    version: number,
    change: (current: Conversation) => Conversation,
    by: Actor,
    also: AlsoWritten = {},
  ): Promise<ChangePair> {
    let pair: ChangePair | null = null;
    await this.commit(() => (pair ? triageFacts(pair.previous, pair.next, by) : []), also, {
      kind: 'conversations.change',
      id,
      version,
      change: (previous) => {
        pair = { previous, next: change(previous) };
        return pair.next;
      },
    });
    const made = pair as ChangePair | null;
    if (!made) throw new Error(`The change of ${id} was not made`);
    this.deps.emit({ type: 'conversation.changed', conversation: made.next, by: by.actor });
    return made;
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
    await this.commit(all, also, {
      kind: 'conversations.put',
      conversations: pairs.map((p) => p.next),
      expect: Object.fromEntries(pairs.map((p) => [p.previous.id, p.previous.version])),
    });
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

  /**
   * The conversations' change, tags new to the registry and other writes, with their facts: one
   * commit. (Where processes share the store, a change made on a version read before is checked
   * again in the commit.)
   */
  private async commit(facts: CommitFacts, also: AlsoWritten, conversations: StoreChange) {
    const { commits, tags, emit } = this.deps;
    const registering = tags.ensuring(also.tags ?? []);
    await commits.commit(facts, {
      changes: [...(also.changes ?? []), conversations],
      settings: [...(registering ? [registering] : []), ...(also.settings ?? [])],
    });
    if (registering) emit({ type: 'tags.changed', tags: tags.list() });
  }
}
