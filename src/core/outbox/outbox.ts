import { randomUUID } from 'node:crypto';
import type { Account, AuditFact, Post, SyncStatus } from '../../shared';
import { InboxError } from '../../shared';
import { replyFact } from '../audit/audit-facts';
import { PlatformError } from '../connectors/platform-error';
import type { OutboxCheck, OutboxClaim, OutboxClaims, StoreChange } from '../store/port';
import { isStorageError } from '../store/storage-error';
import { backoffMs } from '../sync/backoff';
import { isoOf } from '../time/clock';
import type { Clock } from '../time/clock';
import type { SyncConfig } from '../sync/sync-context';
import type { DraftPost } from '../triage/threading';
import type { OutboxItem } from './outbox-item';
import { replyPost } from './reply-post';
import { UncertainReplyError, senderFor } from './senders';

export { APP_NAME } from './reply-post';

export interface OutboxDeps {
  config: SyncConfig;
  /** Dates the replies, and says how long a rate-limit pause lasts. */
  clock: Clock;
  /** First wait after a server error; doubles with each failure in a row. */
  retryBaseMs: number;
  account(id: string): Account | undefined;
  token(account: Account): Promise<string | null>;
  /** The stored post, reading whatever months it takes. */
  post(id: string): Promise<Post | undefined>;
  /** Stores the reply as a post of its conversation. */
  deliver(draft: DraftPost): Promise<void>;
  /** Makes a change of the outbox durable with its audit entries (the store's commit). */
  commit(facts: readonly AuditFact[], change: StoreChange): Promise<unknown>;
  /** A reply's new state is durable (and recorded). */
  changed(item: OutboxItem): void;
  /** The platform refused a send on the account's side (a missing permission): told on the account. */
  refused?(accountId: string, err: PlatformError): Promise<void>;
  /**
   * The platform holds the account (a posting cap, a usage cap, access to grant again): its status
   * says so and until when, as the sync's does.
   */
  held?(accountId: string, status: Partial<SyncStatus>): Promise<void>;
  /**
   * Where several processes share the store: a reply is claimed before it is sent (null: another
   * process is sending it) and read again from the store, and the replies others left open are
   * taken up every `adoptEveryMs` (default 2 s). Absent: this process sends every reply.
   */
  claims?: (OutboxClaims & { stored(key: string): Promise<OutboxItem | undefined> }) | null;
  adoptEveryMs?: number;
}

/** What a caller asks for; the outbox adds the rest of the item. */
export type ReplyRequest = Pick<
  OutboxItem,
  'conversationId' | 'replyTo' | 'kind' | 'text' | 'agentId' | 'client'
> &
  Partial<Pick<OutboxItem, 'tookOverFrom' | 'translation'>>;

/**
 * Replies leave through here, exactly once. Each is stored (`pending`) before anything is sent and
 * marked `sending` before the request goes out; the platform's id is stored when it answers. After
 * a crash, a `sending` reply is looked for on the platform and only sent if it is not there.
 * A reply that is sent or refused is recorded in the audit trail with the same write; a state the
 * disk refuses is not taken: the reply is tried again later (looked for first if it may have left).
 */
export class Outbox {
  private readonly items = new Map<string, OutboxItem>();
  private queue: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly attempts = new Map<string, number>();
  private closed = false;
  /** Keys queued here, or waiting for a retry here: `adopt` leaves them to it. */
  private readonly queued = new Set<string>();
  private readonly waiting = new Set<string>();
  private adopting: NodeJS.Timeout | null = null;

  /** The outbox over the replies the store holds (the latest state of each). */
  constructor(
    stored: readonly OutboxItem[],
    private readonly deps: OutboxDeps,
  ) {
    for (const item of stored) this.items.set(item.key, item);
  }

  list(): OutboxItem[] {
    return [...this.items.values()];
  }

  get(key: string): OutboxItem | undefined {
    return this.items.get(key);
  }

  /**
   * Stores the reply durably (with the audit facts `facts` gives for it) and queues it; resolves
   * with the stored (pending) item.
   */
  async enqueue(
    request: ReplyRequest,
    facts: (item: OutboxItem) => AuditFact[] = () => [],
    /** A condition on the replies queued, checked in the commit that stores this one (see `outbox.put`). */
    unless?: OutboxCheck,
  ): Promise<OutboxItem> {
    const post = await this.deps.post(request.replyTo);
    if (!post || post.conversationId !== request.conversationId) {
      throw new InboxError('not_found', 'The post to answer is not in this conversation');
    }
    const now = isoOf(this.deps.clock);
    const item: OutboxItem = {
      key: randomUUID(),
      platform: post.platform,
      accountId: post.accountId,
      ...request,
      state: 'pending',
      externalId: null,
      error: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.save(item, facts(item), unless);
    void this.schedule(item.key);
    return item;
  }

  /**
   * Sends a refused reply again, as it is (after the user dealt with the reason: reconnected the
   * account, checked the platform for an uncertain one).
   */
  async retry(
    key: string,
    facts: (item: OutboxItem) => AuditFact[] = () => [],
  ): Promise<OutboxItem> {
    const item = this.failed(key);
    const pending = await this.update(item, { state: 'pending', error: null }, facts);
    void this.schedule(key);
    return pending;
  }

  /** Gives up on a refused reply: it stays in the history as discarded. */
  async discard(
    key: string,
    facts: (item: OutboxItem) => AuditFact[] = () => [],
  ): Promise<OutboxItem> {
    return this.update(this.failed(key), { state: 'discarded' }, facts);
  }

  private failed(key: string): OutboxItem {
    const item = this.items.get(key);
    if (!item) throw new InboxError('not_found', `No reply with key ${key}`);
    if (item.state !== 'failed')
      throw new InboxError(
        'conflict',
        `This reply is ${item.state}: only a refused reply can be retried or discarded`,
      );
    return item;
  }

  /**
   * Settles every reply a previous run left pending or uncertain; where several processes share
   * the store, also takes up from then on the replies another one left (it died mid-send).
   */
  recover(): Promise<void> {
    const open = this.list().filter((i) => i.state === 'pending' || i.state === 'sending');
    if (this.deps.claims && this.adopting == null && !this.closed) this.adoptLater();
    return Promise.all(open.map((i) => this.schedule(i.key))).then(() => undefined);
  }

  /** Queues the open replies of the store that are not queued here (another process's). */
  async adopt(): Promise<void> {
    const claims = this.deps.claims;
    if (!claims || this.closed) return;
    for (const item of await claims.open()) {
      if (this.queued.has(item.key) || this.waiting.has(item.key)) continue;
      this.items.set(item.key, item);
      void this.schedule(item.key);
    }
  }

  private adoptLater(): void {
    this.adopting = setTimeout(() => {
      void this.adopt()
        .catch(() => undefined)
        .finally(() => {
          if (!this.closed) this.adoptLater();
        });
    }, this.deps.adoptEveryMs ?? 2000);
  }

  /** Resolves when every queued reply is settled or waiting. */
  idle(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.adopting) clearTimeout(this.adopting);
    for (const timer of this.timers) clearTimeout(timer);
    await this.queue;
  }

  /** Replies go out one at a time, in order. */
  private schedule(key: string): Promise<void> {
    this.queued.add(key);
    this.queue = this.queue
      .then(() => {
        this.queued.delete(key);
        return this.process(key);
      })
      .catch(() => undefined);
    return this.queue;
  }

  private async process(key: string): Promise<void> {
    // Closing: the send in progress finishes, the replies queued after it stay pending in the
    // store, for another process (or this one's next start) to send.
    if (this.closed) return;
    let claim: OutboxClaim | null = null;
    try {
      const claims = this.deps.claims;
      if (claims) {
        // Another process is sending it; or it did, and its state in the store says so.
        claim = await claims.claim(key);
        if (!claim) return;
        const stored = await claims.stored(key);
        if (stored) this.items.set(key, stored);
      }
      await this.attempt(key);
    } catch (err) {
      if (!isStorageError(err)) throw err;
      // The outbox could not write the reply's new state: it is tried again once the disk takes
      // writes, from the state on disk (a `sending` one is looked for on the platform first).
      this.retryLater(key, 0, (this.attempts.get(key) ?? 0) + 1);
    } finally {
      await claim?.release();
    }
  }

  private async attempt(key: string): Promise<void> {
    let item = this.items.get(key);
    if (!item || item.state === 'sent' || item.state === 'failed' || item.state === 'discarded')
      return;
    const account = this.deps.account(item.accountId);
    const token = account ? await this.deps.token(account) : null;
    const post = await this.deps.post(item.replyTo);
    if (!account || !token || !post) {
      await this.update(item, { state: 'failed', error: 'The account is no longer connected' });
      return;
    }
    const target = { account, token, post };
    const sender = senderFor(this.deps.config, item);
    try {
      if (item.state === 'sending') {
        const found = await sender.find(item, target);
        if (found) {
          await this.complete(item, found, account);
          return;
        }
      }
      item = await this.update(item, { state: 'sending' });
      const externalId = await sender.send(item, target);
      await this.complete(item, externalId, account);
    } catch (err) {
      if (err instanceof UncertainReplyError) {
        await this.update(item, { state: 'failed', error: err.message });
      } else if (
        err instanceof PlatformError &&
        (err.kind === 'rejected' ||
          err.kind === 'permission' ||
          err.kind === 'expired' ||
          err.kind === 'revoked')
      ) {
        await this.update(item, { state: 'failed', error: err.message });
        if (err.kind === 'permission') await this.deps.refused?.(account.id, err);
        else if (err.reason === 'permissions')
          await this.deps.held?.(account.id, {
            state: err.kind === 'rejected' ? 'error' : err.kind,
            message: err.message,
            until: null,
            reason: err.reason,
          });
      } else if (err instanceof PlatformError && err.kind === 'rate_limited') {
        // Refused before sending: it goes again as it is once the window resets.
        const current = await this.update(item, { state: 'pending', error: err.message });
        const resumeAt =
          err.resumeAt(this.deps.clock.now())?.getTime() ?? this.deps.clock.now() + 60_000;
        if (err.reason === 'daily-cap' || err.reason === 'usage-cap')
          await this.deps.held?.(account.id, {
            state: 'rate-limited',
            message: err.message,
            until: new Date(resumeAt).toISOString(),
            reason: err.reason,
          });
        this.retryLater(current.key, resumeAt - this.deps.clock.now(), 0);
      } else {
        // A timeout or server error may have reached the platform: it stays `sending`, and the
        // retry looks for it before sending again.
        this.retryLater(item.key, 0, (this.attempts.get(item.key) ?? 0) + 1);
      }
    }
  }

  private retryLater(key: string, waitMs: number, attempt: number): void {
    if (this.closed) return;
    this.attempts.set(key, attempt);
    const delay = Math.max(
      waitMs,
      attempt > 0 ? backoffMs(attempt, { baseMs: this.deps.retryBaseMs }) : 0,
    );
    this.waiting.add(key);
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.waiting.delete(key);
        void this.schedule(key);
      },
      Math.max(250, delay),
    );
    this.timers.add(timer);
  }

  /**
   * The reply left: its post joins the conversation first, then it is marked sent. If marking it
   * fails, the retry finds it on the platform and delivers it again (a post is stored once).
   */
  private async complete(item: OutboxItem, externalId: string, account: Account): Promise<void> {
    const sent = this.next(item, { state: 'sent', externalId, error: null });
    await this.deps.deliver(await replyPost(sent, account));
    await this.save(sent);
    this.attempts.delete(item.key);
  }

  private next(item: OutboxItem, change: Partial<OutboxItem>): OutboxItem {
    return { ...item, ...change, updatedAt: isoOf(this.deps.clock) };
  }

  private async update(
    item: OutboxItem,
    change: Partial<OutboxItem>,
    facts: (item: OutboxItem) => AuditFact[] = () => [],
  ): Promise<OutboxItem> {
    const next = this.next(item, change);
    await this.save(next, facts(next));
    return next;
  }

  /** Stores the item's new state with its audit facts (and the outcome's, once sent or refused). */
  private async save(
    item: OutboxItem,
    facts: AuditFact[] = [],
    unless?: OutboxCheck,
  ): Promise<void> {
    const outcome =
      item.state === 'sent'
        ? [replyFact(item, 'reply.sent')]
        : item.state === 'failed'
          ? [replyFact(item, 'reply.failed')]
          : [];
    await this.deps.commit([...facts, ...outcome], {
      kind: 'outbox.put',
      items: [item],
      ...(unless ? { unless } : {}),
    });
    this.items.set(item.key, item);
    this.deps.changed(item);
  }
}
