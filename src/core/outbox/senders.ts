import type { Account, Post } from '../../shared';
import { GraphClient } from '../connectors/facebook/graph-client';
import { XClient } from '../connectors/x/x-client';
import type { SyncConfig } from '../sync/sync-context';
import type { OutboxItem } from './outbox-item';

export interface ReplyTarget {
  account: Account;
  token: string;
  /** The post answered. */
  post: Post;
}

/**
 * How each platform takes a reply, and how to tell afterwards whether an interrupted send reached it.
 * `find` answers the platform id when the reply is there, `null` when it is not, and throws when
 * it cannot tell.
 */
export interface ReplySender {
  send(item: OutboxItem, target: ReplyTarget): Promise<string>;
  find(item: OutboxItem, target: ReplyTarget): Promise<string | null>;
}

/** How far the platform's clock may be behind ours when a reply is looked for by its time. */
const CLOCK_MARGIN_MS = 2 * 60_000;

export class UncertainReplyError extends Error {
  override readonly name = 'UncertainReplyError';
}

export function senderFor(config: SyncConfig, item: OutboxItem): ReplySender {
  if (item.platform === 'x') {
    const client = (t: ReplyTarget) =>
      new XClient(t.token, config.xBaseUrl, { timeoutMs: config.requestTimeoutMs });
    return item.kind === 'public'
      ? {
          send: (i, t) => client(t).reply(i.text, t.post.externalId),
          // Our reply to that post, of the same words, since the reply was queued (less a margin).
          find: (i, t) =>
            client(t).findOwnReply(
              t.account.externalId,
              t.post.externalId,
              i.text,
              Date.parse(i.createdAt) - CLOCK_MARGIN_MS,
            ),
        }
      : {
          send: (i, t) => client(t).sendDirectMessage(t.post.author.id, i.text),
          // Our DM with this text in the conversation, since the reply was queued (less a margin
          // for the clocks of X and of this machine).
          find: (i, t) =>
            client(t).findOwnDirectMessage(
              t.account.externalId,
              t.post.author.id,
              i.text,
              Date.parse(i.createdAt) - CLOCK_MARGIN_MS,
            ),
        };
  }
  const graph = (t: ReplyTarget) =>
    new GraphClient(t.token, config.graphBaseUrl, config.graphVersion, {
      appSecret: config.graphAppSecret,
      timeoutMs: config.requestTimeoutMs,
    });
  return item.kind === 'public'
    ? {
        send: async (i, t) =>
          (
            await graph(t).post<{ id: string }>(
              `${t.post.externalId}/comments`,
              { message: i.text },
              { permission: 'pages_manage_engagement' },
            )
          ).id,
        find: async (i, t) => {
          for await (const batch of graph(t).list<{
            id: string;
            message?: string;
            from?: { id: string };
          }>(`${t.post.externalId}/comments`, {
            filter: 'stream',
            fields: 'id,message,from',
            limit: 100,
          })) {
            const found = batch.find(
              (c) => c.from?.id === t.account.externalId && c.message === i.text,
            );
            if (found) return found.id;
          }
          return null;
        },
      }
    : {
        send: async (i, t) => {
          const result = await graph(t).post<{ message_id?: string; recipient_id?: string }>(
            `${t.account.externalId}/messages`,
            { recipient: { comment_id: t.post.externalId }, message: { text: i.text } },
            { permission: 'pages_messaging' },
          );
          return result.message_id ?? result.recipient_id ?? `private-reply:${t.post.externalId}`;
        },
        // A comment takes one private reply: once made, Graph says it can no longer take one.
        find: async (_i, t) => {
          const comment = await graph(t).get<{ can_reply_privately?: boolean }>(t.post.externalId, {
            fields: 'can_reply_privately',
          });
          return comment.can_reply_privately === false
            ? `private-reply:${t.post.externalId}`
            : null;
        },
      };
}
