import { InboxError, ReplyKeyInputSchema, SendReplyInputSchema } from '../../shared';
import type {
  SyncStatus,
  ApiInput,
  ApiOutput,
  AuditFact,
  CallContext,
  Conversation,
  InboxEvent,
  Post,
  PrivateReplyWindow,
  ReplyReceipt,
} from '../../shared';
import { replyFact, translatedDetails } from '../audit/audit-facts';
import type { Actor } from '../audit/audit-facts';
import type { CredentialVault } from '../auth/credential-vault';
import type { ChangeQueue } from '../change-queue';
import type { ConversationChanges } from '../conversation-changes';
import { Outbox } from '../outbox/outbox';
import type { ReplyRequest } from '../outbox/outbox';
import type { OutboxItem } from '../outbox/outbox-item';
import { privateReplyWindow } from '../outbox/private-window';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore, OutboxCheck } from '../store/port';
import type { WorkspaceStore } from '../store/workspace-store';
import type { SyncConfig } from '../sync/sync-context';
import { LOCAL_AGENT } from '../team/callers';
import type { Callers } from '../team/callers';
import { isoOf } from '../time/clock';
import type { Clock } from '../time/clock';
import { DUPLICATE_LIMIT, DUPLICATE_WINDOW_MS, publicRepeats } from '../triage/duplicate-guard';
import type { DraftPost } from '../triage/threading';
import type { SavedReplyBook } from './saved-reply-book';
import { noConversation } from '../store/conversation-refusals';

export interface ReplyDeskDeps {
  config: SyncConfig;
  /** The client a reply is sent from when the call does not say (this host). */
  clientName: string;
  /** First wait after a server error; doubles with each failure in a row. */
  retryBaseMs: number;
  /** Where several processes share the store: how often replies another one left are taken up. */
  outboxAdoptMs?: number;
  clock: Clock;
  workspace: WorkspaceStore;
  store: InboxStore;
  commits: InboxCommits;
  vault: CredentialVault;
  changes: ConversationChanges;
  savedReplies: SavedReplyBook;
  queue: ChangeQueue;
  callers: Callers;
  /** Stores a reply that left as a post of its conversation (the sync's ingest). */
  ingest(drafts: DraftPost[]): Promise<void>;
  /** Tells on the account a permission the platform refused a reply for. */
  refused?(accountId: string, err: unknown): Promise<void>;
  /** Records that the platform holds an account (the sync's account status). */
  accountHeld?(accountId: string, status: Partial<SyncStatus>): Promise<void>;
  emit(event: InboxEvent): void;
}

/** What the caller is told of a reply in the outbox. */
function receiptOf(item: OutboxItem): ReplyReceipt {
  return {
    key: item.key,
    conversationId: item.conversationId,
    replyTo: item.replyTo,
    kind: item.kind,
    state: item.state,
    createdAt: item.createdAt,
  };
}

/**
 * The team's replies: queued through the outbox by whoever answers (who then holds the
 * conversation), a refused one sent again or given up, and the saved replies they start from.
 */
export class ReplyDesk {
  private outbox!: Outbox;

  constructor(private readonly deps: ReplyDeskDeps) {}

  /** Opens the outbox, whose replies a previous run may have left. */
  async open(): Promise<void> {
    const { deps } = this;
    const { workspace, store, commits } = deps;
    this.outbox = new Outbox(await store.outbox.all(), {
      config: deps.config,
      clock: deps.clock,
      retryBaseMs: deps.retryBaseMs,
      account: (id) => workspace.data.accounts.find((a) => a.id === id),
      token: (account) => deps.vault.accessToken(account),
      post: (id) => store.posts.get(id),
      deliver: (draft) => deps.ingest([draft]),
      // A reply's state is on the disk before the outbox goes on (`sending` before the request).
      commit: async (facts, change) => {
        await commits.commit(facts, { changes: [change] });
        await store.durable();
      },
      changed: (item) => this.replyChanged(item),
      ...(deps.refused ? { refused: deps.refused } : {}),
      ...(deps.accountHeld ? { held: deps.accountHeld } : {}),
      // Several processes on one store: each reply is sent by the one that claims it.
      ...(store.outboxClaims
        ? {
            claims: {
              claim: (key: string) => store.outboxClaims!.claim(key),
              open: () => store.outboxClaims!.open(),
              stored: (key: string) => store.outbox.get(key),
            },
            ...(deps.outboxAdoptMs ? { adoptEveryMs: deps.outboxAdoptMs } : {}),
          }
        : {}),
    });
  }

  /**
   * Queues a reply through the outbox; resolves once it is stored, before it is sent. From a client
   * the reply is the local agent's, sent from this host (agents sign in to the hub later).
   */
  async sendReply(
    input: ApiInput<'sendReply'>,
    context?: CallContext,
  ): Promise<ApiOutput<'sendReply'>> {
    const { deps } = this;
    const { takeOver, confirmRepeat, translation, ...request } = SendReplyInputSchema.parse(input);
    const actor = context?.agent ?? LOCAL_AGENT;
    const conversation = await deps.store.conversations.get(request.conversationId);
    if (!conversation) throw noConversation(request.conversationId);
    const owner = conversation.assignee;
    if (owner != null && owner !== actor.id && !takeOver) {
      throw new InboxError(
        'conflict',
        `${deps.callers.nameOf(owner)} handles this conversation: take it over to reply`,
        { reason: 'assigned', assignee: owner },
      );
    }
    let unless: OutboxCheck | undefined;
    if (request.kind === 'public' && !confirmRepeat) {
      const now = deps.clock.now();
      const check = (recent: readonly OutboxItem[]) => {
        const repeats = publicRepeats(request.text, recent, now);
        if (repeats >= DUPLICATE_LIMIT) {
          throw new InboxError(
            'conflict',
            `The team already sent this reply publicly ${repeats} times in the last 24 hours. Answer privately, or post one public statement instead of repeating it.`,
            { reason: 'repeat', repeats },
          );
        }
      };
      // The whole team's replies of the day count, read in the commit that queues this one, after
      // any other such commit: two sends (from one hub or two replicas) cannot both pass the count
      // with the same reply.
      unless = { since: new Date(now - DUPLICATE_WINDOW_MS).toISOString(), check };
    }
    const by = deps.callers.actor(context);
    // The reply is stored with its audit entries (queued, and a take-over) in one write.
    const item = await this.outbox.enqueue(
      {
        ...request,
        agentId: actor.id,
        client: context?.client ?? deps.clientName,
        tookOverFrom: owner != null && owner !== actor.id ? owner : null,
        ...(translation ? { translation } : {}),
      },
      (queued) => [
        replyFact(queued, 'reply.queued'),
        ...(queued.tookOverFrom
          ? [
              {
                ...by,
                action: 'conversation.taken-over' as const,
                conversationId: conversation.id,
                details: { from: queued.tookOverFrom, to: actor.id },
              },
            ]
          : []),
      ],
      unless,
    );
    // Replying claims the conversation for whoever answers.
    if (owner !== actor.id) await this.claim(conversation.id, actor.id, by);
    return receiptOf(item);
  }

  retryReply(
    input: ApiInput<'retryReply'>,
    context?: CallContext,
  ): Promise<ApiOutput<'retryReply'>> {
    return this.settleRefused(input, context, 'retry');
  }

  discardReply(
    input: ApiInput<'discardReply'>,
    context?: CallContext,
  ): Promise<ApiOutput<'discardReply'>> {
    return this.settleRefused(input, context, 'discard');
  }

  /** Each customer post's private-reply window, knowing which ones the outbox already answered. */
  privateReplies(posts: readonly Post[]): PrivateReplyWindow[] {
    const answered = new Set(
      this.outbox
        .list()
        .filter((r) => r.kind === 'private' && r.state !== 'failed' && r.state !== 'discarded')
        .map((r) => r.replyTo),
    );
    const now = this.deps.clock.now();
    return posts
      .filter((p) => p.direction === 'inbound' && !p.private)
      .map((p) => privateReplyWindow(p, answered, now));
  }

  /** A conversation's replies the platform refused, with why, to send again or give up. */
  unsent(conversationId: string): ApiOutput<'getConversation'>['unsent'] {
    return this.outbox
      .list()
      .filter((r) => r.conversationId === conversationId && r.state === 'failed')
      .map((r) => ({ ...receiptOf(r), text: r.text, agentId: r.agentId, error: r.error }));
  }

  async listSavedReplies(
    _input?: ApiInput<'listSavedReplies'>,
  ): Promise<ApiOutput<'listSavedReplies'>> {
    return this.deps.savedReplies.list();
  }

  async saveSavedReply(input: ApiInput<'saveSavedReply'>): Promise<ApiOutput<'saveSavedReply'>> {
    return this.deps.savedReplies.save(input);
  }

  async deleteSavedReply(
    input: ApiInput<'deleteSavedReply'>,
  ): Promise<ApiOutput<'deleteSavedReply'>> {
    await this.deps.savedReplies.delete(input);
    return { done: true };
  }

  /** Queues a reply for an agent through the outbox; resolves once it is stored, before it is sent. */
  queueReply(request: ReplyRequest): Promise<OutboxItem> {
    return this.outbox.enqueue(request);
  }

  /** The outbox's replies, for tools and tests. */
  replies(): { list(): OutboxItem[]; idle(): Promise<void>; recover(): Promise<void> } {
    return this.outbox;
  }

  close(): Promise<void> {
    return this.outbox.close();
  }

  /** A refused reply sent again or given up: recorded, and every client told. */
  private async settleRefused(
    input: ApiInput<'retryReply'>,
    context: CallContext | undefined,
    how: 'retry' | 'discard',
  ): Promise<ReplyReceipt> {
    const { key } = ReplyKeyInputSchema.parse(input);
    const facts = (settled: OutboxItem): AuditFact[] => [
      {
        ...this.deps.callers.actor(context),
        action: how === 'retry' ? 'reply.retried' : 'reply.discarded',
        conversationId: settled.conversationId,
        details: {
          key,
          text: settled.text,
          kind: settled.kind,
          ...(settled.translation ? translatedDetails(settled) : {}),
        },
      },
    ];
    const item =
      how === 'retry' ? await this.outbox.retry(key, facts) : await this.outbox.discard(key, facts);
    this.deps.emit({
      type: 'reply.changed',
      conversationId: item.conversationId,
      key,
      state: item.state,
    });
    return receiptOf(item);
  }

  /** Assigns a conversation to the agent who answers it (their reply is already queued). */
  private claim(id: string, agentId: string, by: Actor): Promise<void> {
    const { deps } = this;
    return deps.queue.runOn([id], async () => {
      const current = await deps.store.conversations.get(id);
      if (!current || current.assignee === agentId) return;
      const next: Conversation = {
        ...current,
        assignee: agentId,
        status: current.status === 'new' ? 'open' : current.status,
        version: current.version + 1,
        updatedAt: isoOf(deps.clock),
      };
      await deps.changes.save(
        next,
        current,
        [
          {
            ...by,
            action: 'conversation.claimed',
            conversationId: id,
            details: { from: current.assignee, to: agentId, status: next.status },
          },
        ],
        agentId,
      );
    });
  }

  /** A reply was sent or refused (stored and recorded by the outbox): every client hears of it. */
  private replyChanged(item: OutboxItem): void {
    if (item.state !== 'sent' && item.state !== 'failed') return;
    this.deps.emit({
      type: 'reply.changed',
      conversationId: item.conversationId,
      key: item.key,
      state: item.state,
    });
  }
}
