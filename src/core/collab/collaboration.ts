import { randomUUID } from 'node:crypto';
import { AddNoteInputSchema, ReportPresenceInputSchema } from '../../shared';
import type { ApiInput, ApiOutput, CallContext, InboxEvent, Note } from '../../shared';
import { parseMentions } from '../../shared/mentions';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore } from '../store/port';
import type { AgentDirectory } from '../team/agent-directory';
import { LOCAL_AGENT } from '../team/callers';
import type { Callers } from '../team/callers';
import { isoOf } from '../time/clock';
import type { Clock } from '../time/clock';
import { PresenceBoard } from './presence-board';
import type { PresenceChange } from './presence-board';
import { PresenceMirror } from './shared-presence';
import { noConversation } from '../store/conversation-refusals';

export interface CollaborationDeps {
  clock: Clock;
  /** A presence not reported again for this long is dropped. */
  presenceTtlMs: number;
  store: InboxStore;
  commits: InboxCommits;
  directory: AgentDirectory;
  callers: Callers;
  emit(event: InboxEvent): void;
  /** Tells this process's clients alone (where several processes share the store). */
  emitHere?(event: InboxEvent): void;
}

/** The team working together on the queue: internal notes, and who is on what right now. */
export class Collaboration {
  /** Who is viewing or replying to what: in memory only, pushed to every client. */
  private readonly presence: PresenceBoard;
  /** The whole team's presence, where several processes share the store. */
  private readonly mirror: PresenceMirror | null;

  constructor(private readonly deps: CollaborationDeps) {
    this.presence = new PresenceBoard({
      ttlMs: deps.presenceTtlMs,
      now: () => deps.clock.now(),
      changed: (change) => deps.emit({ type: 'presence', ...change }),
    });
    const shared = deps.store.presence;
    this.mirror = shared
      ? new PresenceMirror({
          presence: shared,
          ttlMs: deps.presenceTtlMs,
          now: () => deps.clock.now(),
          tellHere: (change) => (deps.emitHere ?? deps.emit)({ type: 'presence', ...change }),
        })
      : null;
  }

  /**
   * An internal note: stored, then pushed to the team. Who it mentions is read here from the text
   * against the team, never taken from the client. A note never leaves the inbox.
   */
  async addNote(input: ApiInput<'addNote'>, context?: CallContext): Promise<Note> {
    const { deps } = this;
    const { conversationId, text } = AddNoteInputSchema.parse(input);
    const actor = context?.agent ?? LOCAL_AGENT;
    if (!(await deps.store.conversations.get(conversationId))) throw noConversation(conversationId);
    const note: Note = {
      id: `note:${randomUUID()}`,
      conversationId,
      author: actor.id,
      text,
      mentions: parseMentions(text, deps.directory.list()),
      createdAt: isoOf(deps.clock),
    };
    await deps.commits.commit(
      [
        {
          ...deps.callers.actor(context),
          action: 'note.added',
          conversationId,
          details: { noteId: note.id, text, mentions: note.mentions },
        },
      ],
      { changes: [{ kind: 'notes.add', note }] },
    );
    deps.emit({ type: 'note.added', note });
    return note;
  }

  /** What the caller is doing now; the team sees changes at once, repeats only keep it alive. */
  async reportPresence(
    input: ApiInput<'reportPresence'>,
    context?: CallContext,
  ): Promise<ApiOutput<'reportPresence'>> {
    const { conversationId, activity } = ReportPresenceInputSchema.parse(input);
    const actor = context?.agent ?? LOCAL_AGENT;
    if (
      activity !== 'idle' &&
      conversationId != null &&
      !(await this.deps.store.conversations.get(conversationId))
    )
      throw noConversation(conversationId);
    const change: PresenceChange = {
      agentId: actor.id,
      conversationId: activity === 'idle' ? null : conversationId,
      activity,
    };
    this.presence.report(change);
    await this.mirror?.put(change);
    return { done: true };
  }

  async listPresence(): Promise<ApiOutput<'listPresence'>> {
    return this.mirror ? this.mirror.list() : this.presence.list();
  }

  /** The agent's last connection closed: their presence goes for everyone at once. */
  agentLeft(agentId: string): void {
    this.presence.forget(agentId);
    void this.mirror
      ?.put({ agentId, conversationId: null, activity: 'idle' })
      .catch(() => undefined);
  }

  close(): void {
    this.presence.close();
    this.mirror?.close();
  }
}
