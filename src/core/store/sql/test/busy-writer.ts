// A second process writing to a store without pause, as a hub at work does: each commit stores one
// conversation with one audit entry, and a post when `--posts`. Prints `wrote <n>` once commit n is
// durable (every commit with `--every`, else every 200th); runs until it is killed.
import { conversation, post } from '../../../test/fixtures';
import { systemClock } from '../../../time/clock';
import { SqliteStore } from '../sqlite-store';

const [dir, ...flags] = process.argv.slice(2);
if (dir == null) throw new Error('Usage: busy-writer <data folder> [--every] [--posts]');
const store = SqliteStore.open(dir, { clock: systemClock });
// Going on after what a previous run wrote (one conversation per commit).
let n = await store.conversations.count();
for (;;) {
  n += 1;
  const id = `x:${n}`;
  await store.commit(
    [
      {
        action: 'conversation.status',
        actor: 'rita',
        client: 'browser',
        conversationId: id,
        details: { n },
      },
    ],
    [
      {
        kind: 'conversations.put',
        conversations: [conversation({ id, excerpt: 'x'.repeat(500) })],
      },
      ...(flags.includes('--posts')
        ? [
            {
              kind: 'posts.add' as const,
              posts: [post({ externalId: String(n), conversationId: id })],
            },
          ]
        : []),
    ],
  );
  if (flags.includes('--every') || n % 200 === 0) console.log(`wrote ${n}`);
  await new Promise((resolve) => setImmediate(resolve));
}
