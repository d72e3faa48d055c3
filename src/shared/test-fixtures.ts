import type { Account, Conversation, Post } from './model';

/** Test data that passes the shared schemas. */
export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'x:100',
    platform: 'x',
    accountId: 'x:1',
    rootPostId: 'x:100',
    status: 'new',
    assignee: null,
    tags: [],
    language: 'fr',
    priority: 'normal',
    author: {
      id: 'u1',
      handle: 'claire',
      name: 'Claire Martin',
      followers: 12_345,
      verified: false,
      avatarUrl: null,
    },
    excerpt: 'Bonjour, ma commande est arrivée froide.',
    postCount: 1,
    reach: 12_345,
    firstResponseMs: null,
    version: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    lastPostAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function post(overrides: Partial<Post> = {}): Post {
  return {
    id: 'x:100',
    platform: 'x',
    externalId: '100',
    accountId: 'x:1',
    conversationId: 'x:100',
    author: {
      id: 'u1',
      handle: 'claire',
      name: 'Claire Martin',
      followers: 12_345,
      verified: false,
      avatarUrl: null,
    },
    text: 'Bonjour',
    language: 'fr',
    createdAt: '2026-03-01T10:00:00.000Z',
    permalink: 'https://x.com/claire/status/100',
    sourceApp: null,
    direction: 'inbound',
    private: false,
    sentBy: null,
    client: null,
    outside: false,
    inReplyTo: null,
    hidden: false,
    ...overrides,
  };
}

export function account(overrides: Partial<Account> = {}): Account {
  return {
    id: 'x:1',
    platform: 'x',
    externalId: '1',
    handle: 'CafeAurore',
    name: 'Café Aurore',
    credentialRef: 'x:1',
    expiresAt: null,
    sync: { state: 'connected', until: null, lastSyncAt: null, message: null, fetched: 0 },
    ...overrides,
  };
}
