import type { Account } from '../../shared';
import { languageOf } from '../triage/language';
import type { DraftPost } from '../triage/threading';
import { replyExternalId, replyPostId } from './outbox-item';
import type { OutboxItem } from './outbox-item';

/** The app the inbox's own replies are published from, as their posts say. */
export const APP_NAME = 'Social Inbox';

/** The reply as a post of its conversation: sent by an agent, from this app, on a given client. */
export async function replyPost(item: OutboxItem, account: Account): Promise<DraftPost> {
  const externalId = replyExternalId(item);
  return {
    id: replyPostId(item),
    platform: item.platform,
    externalId,
    accountId: account.id,
    author: {
      id: account.externalId,
      handle: account.handle,
      name: account.name,
      followers: null,
      verified: false,
      avatarUrl: null,
    },
    text: item.text,
    language: await languageOf(item.text),
    createdAt: item.updatedAt,
    permalink:
      item.platform === 'x' && item.kind === 'public'
        ? `https://x.com/${account.handle}/status/${item.externalId}`
        : null,
    sourceApp: { name: APP_NAME, id: null, link: null },
    direction: 'outbound',
    private: item.kind === 'private',
    sentBy: item.agentId,
    client: item.client,
    outside: false,
    hidden: false,
    parentId: item.replyTo,
  };
}
