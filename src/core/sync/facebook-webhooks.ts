import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { commentChangesOf } from '../../shared';
import type {
  Account,
  FacebookCommentChange,
  FacebookWebhook,
  InboxEvent,
  Post,
} from '../../shared';
import type { ChangeQueue } from '../change-queue';
import { GraphClient } from '../connectors/facebook/graph-client';
import type { GraphComment } from '../connectors/facebook/graph-client';
import { COMMENT_FIELDS, facebookPostId, mapComment } from '../connectors/facebook/graph-mapper';
import { PlatformError } from '../connectors/platform-error';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore, StoreChange } from '../store/port';
import { dateOf } from '../time/clock';
import type { Clock } from '../time/clock';
import { summarize } from '../triage/summarize';
import type { DraftPost } from '../triage/threading';
import type { SyncConfig } from './sync-context';

export interface FacebookWebhooksDeps {
  config: SyncConfig;
  clock: Clock;
  store: InboxStore;
  commits: InboxCommits;
  queue: ChangeQueue;
  emit(event: InboxEvent): void;
  /** The connected accounts, as they are now. */
  accounts(): readonly Account[];
  /** A Page's token. */
  token(account: Account): Promise<string>;
  /** The sync's ingest: threads and stores new posts (a post already stored is left as it is). */
  ingest(drafts: DraftPost[]): Promise<void>;
  /**
   * The public URL Facebook delivers webhooks to (the hub's `/webhooks/facebook`), or null: the
   * Pages are then not subscribed and polling alone brings comments.
   */
  callbackUrl: string | null;
}

/** What a delivery did, change by change. */
export interface WebhookOutcome {
  /** Comments new to the inbox, stored through the sync's ingest. */
  ingested: number;
  /** Stored comments whose text, hidden state or presence on Facebook changed. */
  updated: number;
  /** Changes of Pages not connected, of the Page's own comments, or that changed nothing. */
  ignored: number;
}

type Handled = keyof WebhookOutcome;

/**
 * Facebook's Page webhooks, once the hub has checked their signature: each comment change
 * (added, edited, removed, hidden, shown) is read again from Graph by its id with the Page's token
 * (the delivery itself is never trusted for content) and goes through the same ingest as polling,
 * so a comment polling finds later is not stored twice. An edit, a hide or a removal updates the
 * stored post. The Page's own comments are left to the outbox and to polling, which know whether
 * the inbox sent them. A failure to read Graph is thrown: the hub then answers an error, Facebook
 * delivers again, and the next poll reconciles meanwhile.
 */
export class FacebookWebhooks {
  /** Changes of one comment are handled one after the other, in the order they came. */
  private readonly perComment = new Map<string, Promise<unknown>>();
  /** Pages subscribed to the app's webhooks since the inbox started. */
  private readonly subscribed = new Set<string>();
  private readonly subscribing = new Map<string, Promise<void>>();

  constructor(private readonly deps: FacebookWebhooksDeps) {}

  async receive(payload: FacebookWebhook): Promise<WebhookOutcome> {
    const outcome: WebhookOutcome = { ingested: 0, updated: 0, ignored: 0 };
    for (const { pageId, time, change } of commentChangesOf(payload)) {
      const account = this.deps
        .accounts()
        .find((a) => a.platform === 'facebook' && a.externalId === pageId);
      const handled = account ? await this.once(pageId, time, change, account) : 'ignored';
      outcome[handled] += 1;
    }
    return outcome;
  }

  /**
   * Handles a change once, where several processes share the store: a delivery sent again to
   * another replica (after a timeout) finds its change taken and leaves it; a change whose
   * handling failed is given back, so Facebook's next delivery of it is handled.
   */
  private async once(
    pageId: string,
    time: number,
    change: FacebookCommentChange,
    account: Account,
  ): Promise<Handled> {
    const guard = this.deps.store.once;
    if (!guard) return this.inTurn(change.comment_id, account, change);
    const id = `facebook:${createHash('sha256')
      .update(`${pageId}\n${time}\n${canonicalize(change) ?? ''}`)
      .digest('hex')}`;
    if (!(await guard.take(id, this.deps.clock.now()))) return 'ignored';
    let handled: Handled;
    try {
      handled = await this.inTurn(change.comment_id, account, change);
    } catch (err) {
      await guard.release(id).catch(() => undefined);
      throw err;
    }
    await guard.done(id).catch(() => undefined);
    return handled;
  }

  /**
   * Subscribes a connected Page to the app's `feed` webhooks, once per run, when the hub has a
   * public URL (`POST /{page-id}/subscribed_apps?subscribed_fields=feed`, which needs
   * `pages_manage_metadata`). Resolves when done; a refusal is thrown.
   */
  subscribe(account: Account): Promise<void> {
    if (this.deps.callbackUrl == null || account.platform !== 'facebook') return Promise.resolve();
    if (this.subscribed.has(account.id)) return Promise.resolve();
    const pending = this.subscribing.get(account.id);
    if (pending) return pending;
    const run = (async () => {
      const client = await this.client(account);
      await client.post(`${account.externalId}/subscribed_apps?subscribed_fields=feed`, {});
      this.subscribed.add(account.id);
    })().finally(() => this.subscribing.delete(account.id));
    this.subscribing.set(account.id, run);
    return run;
  }

  /** Whether a Page was subscribed to the webhooks by this run. */
  isSubscribed(accountId: string): boolean {
    return this.subscribed.has(accountId);
  }

  /** A Page disconnected: subscribed again if it comes back. */
  forget(accountId: string): void {
    this.subscribed.delete(accountId);
  }

  private inTurn(
    commentId: string,
    account: Account,
    change: FacebookCommentChange,
  ): Promise<Handled> {
    const before = this.perComment.get(commentId) ?? Promise.resolve();
    const run = before.then(
      () => this.handle(account, change),
      () => this.handle(account, change),
    );
    this.perComment.set(commentId, run);
    void run.finally(() => {
      if (this.perComment.get(commentId) === run) this.perComment.delete(commentId);
    });
    return run;
  }

  private async handle(account: Account, change: FacebookCommentChange): Promise<Handled> {
    const id = facebookPostId(change.comment_id);
    if (change.verb === 'remove') return this.update(id, { removed: true });
    if (change.verb === 'add' && change.from?.id === account.externalId) return 'ignored';
    const client = await this.client(account);
    const comment = await readComment(client, change.comment_id);
    if (comment == null) return 'ignored';
    const place = { pagePostId: change.post_id };
    const draft = await mapComment(comment, account, place);
    if ((await this.deps.store.posts.get(id)) != null)
      return this.update(id, { text: draft.text, language: draft.language, hidden: draft.hidden });
    const drafts = [draft];
    // A reply whose comment the inbox does not hold yet (a post polling does not reach): both.
    if (draft.parentId != null && (await this.deps.store.posts.get(draft.parentId)) == null) {
      const parent = comment.parent ? await readComment(client, comment.parent.id) : null;
      if (parent) drafts.unshift(await mapComment(parent, account, place));
    }
    await this.deps.ingest(drafts);
    const stored = await this.deps.store.posts.get(id);
    if (stored == null) return 'ignored';
    if (stored.text === draft.text && (stored.hidden ?? false) === (draft.hidden ?? false))
      return 'ingested';
    // Stored meanwhile from another read of it: the comment's "add" and its edit reached two
    // replicas at once, and the one that read it first stored it first. Graph is read again,
    // after both, and the stored post brought to what it says now.
    const again = await readComment(client, change.comment_id);
    if (again == null) return 'ingested';
    const latest = await mapComment(again, account, place);
    await this.update(id, { text: latest.text, language: latest.language, hidden: latest.hidden });
    return 'ingested';
  }

  /**
   * A stored post's new state (text, hidden, removed on Facebook) as one commit, with its
   * conversation when its summary changes (an edit of the latest text): a hide or a removal alone
   * leaves the conversation's version as it is, so nobody working on it meets a conflict for it.
   * Nothing is added to the audit trail: it records what is done in the inbox (a hide made here is
   * recorded by the hide itself, whose webhook then changes nothing).
   */
  private update(
    id: string,
    fields: Partial<Pick<Post, 'text' | 'language' | 'hidden' | 'removed'>>,
  ): Promise<Handled> {
    const { deps } = this;
    return deps.queue.run(async () => {
      const post = await deps.store.posts.get(id);
      if (!post) return 'ignored';
      const updated: Post = { ...post, ...fields };
      const same = (Object.keys(fields) as (keyof typeof fields)[]).every(
        (k) => (post[k] ?? false) === (updated[k] ?? false),
      );
      if (same) return 'ignored';
      const changes: StoreChange[] = [{ kind: 'posts.replace', posts: [updated] }];
      let conversation = await deps.store.conversations.get(post.conversationId);
      if (conversation) {
        const thread = (await deps.store.posts.ofConversation(conversation.id)).map((p) =>
          p.id === id ? updated : p,
        );
        const next = summarize(conversation, thread, dateOf(deps.clock));
        if (next.excerpt !== conversation.excerpt || next.language !== conversation.language) {
          // Another replica's change of it meanwhile refuses this one: Facebook delivers again.
          const expect = { [conversation.id]: conversation.version };
          conversation = next;
          changes.push({ kind: 'conversations.put', conversations: [next], expect });
        }
      }
      await deps.commits.commit([], { changes });
      // Told either way, so the clients showing it read its posts again.
      if (conversation) deps.emit({ type: 'conversation.changed', conversation, by: null });
      return 'updated';
    });
  }

  private async client(account: Account): Promise<GraphClient> {
    const { config } = this.deps;
    return new GraphClient(
      await this.deps.token(account),
      config.graphBaseUrl,
      config.graphVersion,
      { appSecret: config.graphAppSecret, timeoutMs: config.requestTimeoutMs },
    );
  }
}

/** A comment by id, or null when Graph refuses it (removed since, or not the Page's). */
async function readComment(client: GraphClient, id: string): Promise<GraphComment | null> {
  try {
    return await client.get<GraphComment>(id, { fields: COMMENT_FIELDS.join(',') });
  } catch (err) {
    if (err instanceof PlatformError && err.kind === 'rejected') return null;
    throw err;
  }
}
