// A second process writing to a store without pause, as a hub at work does: each commit stores one
// conversation with one audit entry. Prints `wrote <n>` as it goes; runs until it is killed.
import { conversation } from '../../../test/fixtures';
import { systemClock } from '../../../time/clock';
import { SqliteStore } from '../sqlite-store';

const dir = process.argv[2];
if (dir == null) throw new Error('Usage: busy-writer <data folder>');
const store = SqliteStore.open(dir, { clock: systemClock });
let n = 0;
for (;;) {
  n += 1;
  await store.commit(
    [
      {
        action: 'conversation.status',
        actor: 'rita',
        client: 'browser',
        conversationId: `x:${n}`,
        details: { n },
      },
    ],
    [
      {
        kind: 'conversations.put',
        conversations: [conversation({ id: `x:${n}`, excerpt: 'x'.repeat(500) })],
      },
    ],
  );
  if (n % 200 === 0) console.log(`wrote ${n}`);
  await new Promise((resolve) => setImmediate(resolve));
}
