import { createHmac, randomInt } from 'node:crypto';
import { badParameter } from './graph-errors';
import type { CommentChange, GraphStore } from './graph-store';

/** The app's webhook settings (App Dashboard → Webhooks → Page): where and with which token. */
export interface WebhookSubscription {
  callbackUrl: string;
  verifyToken: string;
}

/** One delivery attempt, as the App Dashboard's recent deliveries list them. */
export interface WebhookDelivery {
  at: string;
  pageId: string;
  verb: CommentChange['verb'];
  commentId: string;
  /** The callback's HTTP status, or null when it could not be reached. */
  status: number | null;
  attempt: number;
}

/** Fields a Page may subscribe the app to that this emulator knows (it delivers `feed` only). */
const PAGE_FIELDS = new Set(['feed', 'messages', 'mention', 'ratings', 'name', 'picture']);
const MAX_ATTEMPTS = 3;
const VERIFY_TIMEOUT_MS = 5000;

export class WebhookSetupError extends Error {}

/**
 * Graph webhooks for Pages (developers.facebook.com/docs/graph-api/webhooks): the app's callback is
 * verified once with a GET (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`, which it
 * must echo); a Page opts in with `POST /{page-id}/subscribed_apps?subscribed_fields=feed`; then
 * each comment added, edited, removed, hidden or shown on its posts is POSTed to the callback as
 * `{object: "page", entry: [{id, time, changes: [{field: "feed", value}]}]}`, signed with the app
 * secret in `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>` (and the older
 * `X-Hub-Signature: sha1=…`). A delivery that fails is tried again (here: twice, a second apart).
 */
export class GraphWebhooks {
  private subscription: WebhookSubscription | null = null;
  private readonly pages = new Map<string, Set<string>>();
  private readonly log: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly app: { id: string | null; name: string; secret: string | null },
    private readonly store: GraphStore,
    private readonly now: () => number,
    private readonly retryMs = 1000,
  ) {
    store.watch((change) => this.deliver(change));
  }

  /** Sets the callback after checking it answers the verification request, as the dashboard does. */
  async subscribe(subscription: WebhookSubscription): Promise<void> {
    if (!this.app.secret)
      throw new WebhookSetupError('The scenario’s Facebook app has no app_secret to sign with');
    const url = new URL(subscription.callbackUrl);
    const challenge = String(randomInt(1e9));
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', subscription.verifyToken);
    let answer: string;
    let status: number;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS) });
      status = response.status;
      answer = await response.text();
    } catch (err) {
      throw new WebhookSetupError(
        `The URL couldn't be validated: ${(err as Error).message} (callback unreachable)`,
      );
    }
    if (status !== 200 || answer !== challenge)
      throw new WebhookSetupError(
        `The URL couldn't be validated. Response does not match challenge, expected value="${challenge}", received="${answer.slice(0, 100)}" (HTTP ${status})`,
      );
    this.subscription = subscription;
  }

  unsubscribe(): void {
    this.subscription = null;
  }

  /** The callback set (without its verify token), and recent deliveries, oldest first. */
  status(): { callbackUrl: string | null; deliveries: WebhookDelivery[] } {
    return { callbackUrl: this.subscription?.callbackUrl ?? null, deliveries: [...this.log] };
  }

  /** Settles once every delivery started so far has ended (answered, or given up). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * `/{page-id}/subscribed_apps`: GET lists the app with its fields, POST subscribes it
   * (`subscribed_fields` required), DELETE unsubscribes it.
   */
  subscribedApps(pageId: string, method: string, param: (name: string) => string | null): unknown {
    if (method === 'GET') {
      const fields = this.pages.get(pageId);
      return {
        data: fields
          ? [
              {
                category: 'Business',
                link: 'https://www.facebook.com/',
                name: this.app.name,
                id: this.app.id ?? '0',
                subscribed_fields: [...fields],
              },
            ]
          : [],
      };
    }
    if (method === 'DELETE') {
      this.pages.delete(pageId);
      return { success: true };
    }
    const raw = param('subscribed_fields');
    if (raw === null || raw.trim() === '')
      throw badParameter('The parameter subscribed_fields is required.');
    const fields = raw
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((f) => f.trim().replace(/^"|"$/g, ''))
      .filter((f) => f.length > 0);
    for (const field of fields)
      if (!PAGE_FIELDS.has(field))
        throw badParameter(`Param subscribed_fields[0] must be one of {${[...PAGE_FIELDS]}}`);
    this.pages.set(pageId, new Set(fields));
    return { success: true };
  }

  private deliver(change: CommentChange): void {
    const subscription = this.subscription;
    const secret = this.app.secret;
    const pageId = change.post.page_id;
    if (!subscription || !secret || !this.pages.get(pageId)?.has('feed')) return;
    const from = this.store.author(change.comment.from_id) ?? {
      id: change.comment.from_id,
      name: '',
    };
    const body = JSON.stringify(payloadOf(change, from, Math.floor(this.now() / 1000)));
    const sending = this.send(subscription.callbackUrl, secret, body, change).finally(() =>
      this.pending.delete(sending),
    );
    this.pending.add(sending);
  }

  private async send(
    callbackUrl: string,
    secret: string,
    body: string,
    change: CommentChange,
  ): Promise<void> {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let status: number | null = null;
      try {
        const response = await fetch(callbackUrl, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(20_000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = null;
      }
      this.log.push({
        at: new Date(this.now()).toISOString(),
        pageId: change.post.page_id,
        verb: change.verb,
        commentId: change.comment.id,
        status,
        attempt,
      });
      if (this.log.length > 1000) this.log.shift();
      if (status !== null && status >= 200 && status < 300) return;
      if (attempt < MAX_ATTEMPTS) await new Promise((r) => setTimeout(r, this.retryMs * attempt));
    }
  }
}

/** A Page `feed` change about a comment, as Graph sends it. */
export function payloadOf(
  change: CommentChange,
  from: { id: string; name: string },
  timeS: number,
) {
  const { comment, post, verb } = change;
  return {
    object: 'page',
    entry: [
      {
        id: post.page_id,
        time: timeS,
        changes: [
          {
            field: 'feed',
            value: {
              from,
              ...(verb === 'remove' ? {} : { message: comment.message }),
              post_id: post.id,
              comment_id: comment.id,
              created_time: Math.floor(comment.createdMs / 1000),
              item: 'comment',
              parent_id: comment.parent_id ?? post.id,
              verb,
            },
          },
        ],
      },
    ],
  };
}
