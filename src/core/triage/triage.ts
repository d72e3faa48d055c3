import {
  GetConversationInputSchema,
  HidePostInputSchema,
  InboxError,
  ConversationPageSchema,
  ListConversationsInputSchema,
  UpdateConversationInputSchema,
  UpdateConversationsInputSchema,
} from '../../shared';
import type {
  Agent,
  ApiInput,
  ApiOutput,
  AuditFact,
  BulkResult,
  CallContext,
  Conversation,
  Post,
  PrivateReplyWindow,
} from '../../shared';
import type { CredentialVault } from '../auth/credential-vault';
import type { ChangeQueue } from '../change-queue';
import { GraphClient } from '../connectors/facebook/graph-client';
import { asInboxError } from '../connectors/platform-error';
import type { ConversationChanges } from '../conversation-changes';
import { applyTriageChange } from '../queue/triage-change';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore } from '../store/port';
import type { WorkspaceStore } from '../store/workspace-store';
import type { SyncConfig } from '../sync/sync-context';
import type { AgentDirectory } from '../team/agent-directory';
import { LOCAL_AGENT } from '../team/callers';
import type { Callers } from '../team/callers';
import { dateOf, isoOf } from '../time/clock';
import type { Clock } from '../time/clock';
import { noConversation } from '../store/conversation-refusals';

/** What a conversation shows of its replies in the outbox. */
export interface RepliesOf {
  /** Each customer post's private-reply window, knowing which ones the outbox already answered. */
  privateReplies(posts: readonly Post[]): PrivateReplyWindow[];
  /** The conversation's replies the platform refused, with why. */
  unsent(conversationId: string): ApiOutput<'getConversation'>['unsent'];
}

export interface TriageDeps {
  config: SyncConfig;
  clock: Clock;
  workspace: WorkspaceStore;
  store: InboxStore;
  commits: InboxCommits;
  vault: CredentialVault;
  directory: AgentDirectory;
  changes: ConversationChanges;
  replies: RepliesOf;
  queue: ChangeQueue;
  callers: Callers;
}

/** A conversation's triage state in a few words, for a conflict message. */
function describe(c: Conversation, nameOf: (id: string) => string): string {
  const who = c.assignee == null ? 'unassigned' : `assigned to ${nameOf(c.assignee)}`;
  return `${c.status}, ${who}`;
}

/** The conversation as it is now, that a conflict carries (null: none). */
function conflictOf(err: InboxError): Conversation | null {
  const current = (err.details as { current?: Conversation } | undefined)?.current;
  return current ?? null;
}

/** The store's query of a list call: "mine" is whoever asks. */
function queryOf(input: ApiInput<'listConversations'>, context?: CallContext) {
  const query = ListConversationsInputSchema.parse(input ?? {});
  if (query.assignee === 'mine') query.assignee = (context?.agent ?? LOCAL_AGENT).id;
  return query;
}

/**
 * The queue and what the team does to it: conversations listed and opened, assigned, given a
 * status, tags and a priority (one at a time or in bulk), and Facebook comments hidden.
 */
export class Triage {
  constructor(private readonly deps: TriageDeps) {}

  async listConversations(
    input: ApiInput<'listConversations'>,
    context?: CallContext,
  ): Promise<ApiOutput<'listConversations'>> {
    return this.deps.store.conversations.list(queryOf(input, context));
  }

  /**
   * The same page as the JSON text of a ConversationPage, checked against its schema, for a host
   * that answers in JSON: where the store lists on a thread, it is made there.
   */
  async listConversationsJson(
    input: ApiInput<'listConversations'>,
    context?: CallContext,
  ): Promise<string> {
    const query = queryOf(input, context);
    const { conversations } = this.deps.store;
    if (conversations.listJson) return conversations.listJson(query);
    return JSON.stringify(ConversationPageSchema.parse(await conversations.list(query)));
  }

  async getConversation(input: ApiInput<'getConversation'>): Promise<ApiOutput<'getConversation'>> {
    const { deps } = this;
    const { id } = GetConversationInputSchema.parse(input);
    const { store } = deps;
    const conversation = await store.conversations.get(id);
    if (!conversation) throw noConversation(id);
    const [posts, actions, notes] = await Promise.all([
      store.posts.ofConversation(id),
      store.audit.ofConversation(id),
      store.notes.ofConversation(id),
    ]);
    return {
      conversation,
      posts,
      actions,
      notes,
      privateReplies: deps.replies.privateReplies(posts),
      unsent: deps.replies.unsent(id),
    };
  }

  /**
   * One triage change, made only on the version the caller saw: two agents assigning at once, the
   * first wins and the second gets a conflict with the conversation as it now is.
   */
  async updateConversation(
    input: ApiInput<'updateConversation'>,
    context?: CallContext,
  ): Promise<Conversation> {
    const { deps } = this;
    const { hideOnPlatform, ...change } = UpdateConversationInputSchema.parse(input);
    const actor = context?.agent ?? LOCAL_AGENT;
    this.checkAssignee(change.assignee, actor);
    // Read, checked against the version the caller saw, changed and stored in one transaction.
    const { next: updated } = await deps.queue
      .runOn([change.id], () =>
        deps.changes.change(
          change.id,
          change.version,
          (current) => applyTriageChange(current, change, dateOf(deps.clock)),
          deps.callers.actor(context),
          { tags: change.addTags ?? [] },
        ),
      )
      .catch((err: unknown) => {
        const current = err instanceof InboxError && err.code === 'conflict' && conflictOf(err);
        if (!current) throw err;
        throw new InboxError(
          'conflict',
          `This conversation changed since you opened it (now ${describe(current, (id) => deps.callers.nameOf(id))}); your change was not applied`,
          { current },
        );
      });
    if (hideOnPlatform && change.status !== undefined && updated.platform === 'facebook')
      return this.hideWithStatus(updated, context);
    return updated;
  }

  /**
   * Spam on Facebook: the customer's public comments are hidden on the Page (or shown again when
   * the conversation leaves spam). The status change is made first; if Facebook refuses, the user
   * is told what was done and what was not.
   */
  private async hideWithStatus(
    conversation: Conversation,
    context?: CallContext,
  ): Promise<Conversation> {
    const { store } = this.deps;
    const hidden = conversation.status === 'spam';
    const comments = (await store.posts.ofConversation(conversation.id)).filter(
      (p) => p.direction === 'inbound' && !p.private && p.hidden !== hidden,
    );
    for (const comment of comments) {
      try {
        await this.hidePost({ postId: comment.id, hidden }, context);
      } catch (err) {
        throw new InboxError(
          err instanceof InboxError ? err.code : 'unavailable',
          `The conversation is now ${conversation.status}, but Facebook did not ${hidden ? 'hide' : 'show'} the comment: ${(err as Error).message}`,
        );
      }
    }
    return (await store.conversations.get(conversation.id)) ?? conversation;
  }

  /**
   * Bulk triage: each change made on its own version, all stored in one write; a conversation that
   * changed meanwhile is left as it is and returned fresh, so the caller can review it.
   */
  async updateConversations(
    input: ApiInput<'updateConversations'>,
    context?: CallContext,
  ): Promise<ApiOutput<'updateConversations'>> {
    const { deps } = this;
    const { changes } = UpdateConversationsInputSchema.parse(input);
    const actor = context?.agent ?? LOCAL_AGENT;
    const ids = changes.map((c) => c.id);
    return deps.queue.runOn(ids, async () => {
      // Every assignee checked before anything changes: one bad one refuses the whole call.
      for (const change of changes) this.checkAssignee(change.assignee, actor);
      const now = dateOf(deps.clock);
      const results: BulkResult[] = [];
      const pairs: { previous: Conversation; next: Conversation }[] = [];
      const found = new Map((await deps.store.conversations.getMany(ids)).map((c) => [c.id, c]));
      for (const change of changes) {
        const current = found.get(change.id);
        if (!current) results.push({ id: change.id, outcome: 'not_found' });
        else if (current.version !== change.version)
          results.push({ id: change.id, outcome: 'conflict', conversation: current });
        else {
          const next = applyTriageChange(current, change, now);
          pairs.push({ previous: current, next });
          results.push({ id: change.id, outcome: 'applied', conversation: next });
        }
      }
      await deps.changes.saveMany(pairs, deps.callers.actor(context), [], {
        tags: changes.flatMap((c) => c.addTags ?? []),
      });
      return { results };
    });
  }

  /**
   * Hides a Facebook comment on the Page (`POST /{comment-id}` with `is_hidden`), or shows it again,
   * then records it on the post. The platform is asked first: the store never says more than it.
   */
  async hidePost(
    input: ApiInput<'hidePost'>,
    context?: CallContext,
  ): Promise<ApiOutput<'hidePost'>> {
    const { deps } = this;
    const { config } = deps;
    const { postId, hidden } = HidePostInputSchema.parse(input);
    const post = await deps.store.posts.get(postId);
    if (!post) throw new InboxError('not_found', `No post with id ${postId}`);
    if (post.platform !== 'facebook' || post.private)
      throw new InboxError('bad_request', 'Only public Facebook comments can be hidden');
    if (post.direction === 'outbound')
      throw new InboxError('bad_request', "The Page's own comments are deleted, not hidden");
    const account = deps.workspace.data.accounts.find((a) => a.id === post.accountId);
    if (!account) throw new InboxError('conflict', 'The Page of this comment is not connected');
    const token = await deps.vault.accessToken(account);
    try {
      await new GraphClient(token, config.graphBaseUrl, config.graphVersion, {
        appSecret: config.graphAppSecret,
        timeoutMs: config.requestTimeoutMs,
      }).post(post.externalId, { is_hidden: hidden }, { permission: 'pages_manage_engagement' });
    } catch (err) {
      throw asInboxError(err);
    }
    const updated = { ...post, hidden };
    await deps.queue.runOn([post.conversationId], async () => {
      const fact: AuditFact = {
        ...deps.callers.actor(context),
        action: hidden ? 'post.hidden' : 'post.shown',
        conversationId: post.conversationId,
        details: {
          postId,
          platform: post.platform,
          author: post.author.handle ?? post.author.name,
        },
      };
      // The post, its conversation's new version and the entry: one write.
      const replace = { kind: 'posts.replace' as const, posts: [updated] };
      const conversation = await deps.store.conversations.get(post.conversationId);
      if (!conversation) {
        await deps.commits.commit([fact], { changes: [replace] });
        return;
      }
      const next = {
        ...conversation,
        version: conversation.version + 1,
        updatedAt: isoOf(deps.clock),
      };
      await deps.changes.save(next, conversation, [fact], fact.actor, { changes: [replace] });
    });
    return updated;
  }

  /** An assignee must be on the team (or be the caller): not unknown, not removed. */
  private checkAssignee(assignee: string | null | undefined, actor: Agent): void {
    if (assignee != null && assignee !== actor.id) this.deps.directory.checkAssignable(assignee);
  }
}
