import type { Conversation, Post } from '../../shared';
import type { OutboxItem } from '../outbox/outbox-item';
import { makePrivateDir } from '../store/private-files';
import { SqliteStore } from '../store/sql/sqlite-store';
import { ManualClock } from '../time/clock';

/**
 * Stores conversations and posts in a data folder's store, as an inbox that synced them would, and
 * the records of replies it sent.
 */
export async function seedStore(
  dir: string,
  seed: {
    conversations?: readonly Conversation[];
    posts?: readonly Post[];
    outbox?: readonly OutboxItem[];
  },
): Promise<void> {
  await makePrivateDir(dir);
  const store = SqliteStore.open(dir, { clock: new ManualClock(Date.UTC(2026, 10, 20)) });
  try {
    await store.commit(
      [],
      [
        { kind: 'posts.add', posts: seed.posts ?? [] },
        { kind: 'conversations.put', conversations: seed.conversations ?? [] },
        { kind: 'outbox.put', items: seed.outbox ?? [] },
      ],
    );
  } finally {
    await store.close();
  }
}
