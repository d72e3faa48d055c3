import { describe, expect, it } from 'vitest';
import { importProgressLine } from './import-progress';

describe('the progress of a data folder moving into the store', () => {
  it('says each phase, then every tenth of it, and nothing in between', () => {
    const lines: string[] = [];
    const told = importProgressLine((line) => lines.push(line));
    for (let done = 0; done <= 1000; done += 50)
      told({ phase: 'posts', done, total: 1000, unit: 'items' });
    told({ phase: 'audit', done: 2048, unit: 'bytes' });
    told({ phase: 'audit', done: 4096, unit: 'bytes' });
    expect(lines).toEqual([
      'Moving the data folder into inbox.db: posts, 0 of 1,000 items',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
        (t) =>
          `Moving the data folder into inbox.db: posts, ${(t * 100).toLocaleString('en')} of 1,000 items`,
      ),
      'Moving the data folder into inbox.db: audit, 2,048 bytes',
    ]);
  });
});
