import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Author, Conversation, Post } from '../../shared';
import type { DraftPost } from '../triage/threading';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export async function tempDir(
  prefix = 'inbox-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function author(overrides: Partial<Author> = {}): Author {
  return {
    id: 'u1',
    handle: 'ana',
    name: 'Ana',
    followers: 120,
    verified: false,
    avatarUrl: null,
    ...overrides,
  };
}

export function draft(overrides: Partial<DraftPost> & { externalId: string }): DraftPost {
  const platform = overrides.platform ?? 'x';
  return {
    id: `${platform}:${overrides.externalId}`,
    platform,
    accountId: `${platform}:brand`,
    author: author(),
    text: 'Bonjour, ma commande n’est jamais arrivée, pouvez-vous m’aider ?',
    language: 'fr',
    createdAt: '2026-11-20T10:00:00.000Z',
    permalink: null,
    sourceApp: null,
    direction: 'inbound',
    private: false,
    sentBy: null,
    client: null,
    outside: false,
    hidden: false,
    parentId: null,
    ...overrides,
  };
}

export function post(overrides: Partial<Post> & { externalId: string }): Post {
  const { parentId: _parentId, ...rest } = draft(overrides);
  return { conversationId: rest.id, inReplyTo: null, ...rest, ...overrides };
}

export function conversation(overrides: Partial<Conversation> & { id: string }): Conversation {
  return {
    platform: 'x',
    accountId: 'x:brand',
    rootPostId: overrides.id,
    status: 'new',
    assignee: null,
    tags: [],
    language: 'fr',
    priority: 'normal',
    author: author(),
    excerpt: 'hello',
    postCount: 1,
    reach: 100,
    firstResponseMs: null,
    version: 1,
    createdAt: '2026-11-20T10:00:00.000Z',
    lastPostAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** A customer post, the brand's reply, and the customer's answer to it (X ids 100, 101, 102). */
export function brandThread(): { root: DraftPost; brand: DraftPost; followUp: DraftPost } {
  return {
    root: draft({ externalId: '100', createdAt: '2026-11-20T10:00:00.000Z' }),
    brand: draft({
      externalId: '101',
      createdAt: '2026-11-20T10:05:00.000Z',
      direction: 'outbound',
      parentId: 'x:100',
    }),
    followUp: draft({
      externalId: '102',
      createdAt: '2026-11-20T10:09:00.000Z',
      parentId: 'x:101',
    }),
  };
}
