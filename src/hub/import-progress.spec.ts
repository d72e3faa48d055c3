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

  it('says so when the store is brought up to date after an update', () => {
    const lines: string[] = [];
    const told = importProgressLine((line) => lines.push(line));
    for (let done = 0; done <= 20_000; done += 5000)
      told({ phase: 'upgrading', done, total: 20_000, unit: 'items' });
    expect(lines[0]).toBe('Bringing inbox.db up to date: 0 of 20,000 items');
    expect(lines.at(-1)).toBe('Bringing inbox.db up to date: 20,000 of 20,000 items');
    expect(lines).toHaveLength(5);
  });
});
