import { describe, expect, it } from 'vitest';
import type { ConversationHead, PostFacts } from '../store/port';
import { withFacts } from './report-cases';
import type { ReportStore } from './report-cases';

const head = (id: string) => ({ id }) as ConversationHead;

/** Pages of heads, noting how far they were read; facts that answer when the test says. */
function source(pageCount: number) {
  const log: string[] = [];
  const waiting = new Map<string, (facts: Map<string, PostFacts[]>) => void>();
  let closed = false;
  async function* pages() {
    try {
      for (let i = 1; i <= pageCount; i++) {
        log.push(`heads ${i}`);
        yield [head(`c${i}`)];
      }
    } finally {
      closed = true;
    }
  }
  const store = {
    posts: {
      factsOf: (ids: readonly string[]) => {
        log.push(`facts ${ids.join()}`);
        if (ids[0] === 'c-fails') return Promise.reject(new Error('the server went away'));
        return new Promise<Map<string, PostFacts[]>>((resolve) => waiting.set(ids[0]!, resolve));
      },
    },
  } as unknown as ReportStore;
  const answer = (id: string) => waiting.get(id)?.(new Map([[id, []]]));
  return { log, store, pages: pages(), answer, closed: () => closed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading a report’s pages with their facts', () => {
  it('asks for the next pages and their facts while the first page’s facts are still coming', async () => {
    const { log, store, pages, answer } = source(4);
    const read = withFacts(store, pages)[Symbol.asyncIterator]();
    const first = read.next();
    await settle();
    // Two pages under way, each with its facts asked as soon as its heads came.
    expect(log).toEqual(['heads 1', 'heads 2', 'facts c1', 'facts c2']);
    answer('c1');
    expect((await first).value).toEqual({ heads: [head('c1')], facts: new Map([['c1', []]]) });
    await settle();
    expect(log.slice(4)).toEqual(['heads 3', 'facts c3']);
    for (const id of ['c2', 'c3', 'c4']) {
      const next = read.next();
      await settle();
      answer(id);
      expect((await next).value.heads).toEqual([head(id)]);
    }
    expect((await read.next()).done).toBe(true);
  });

  it('stops reading and closes the pages when the caller stops early', async () => {
    const { store, pages, answer, closed } = source(10);
    const read = withFacts(store, pages)[Symbol.asyncIterator]();
    const first = read.next();
    await settle();
    answer('c1');
    answer('c2');
    await first;
    await read.return?.();
    expect(closed()).toBe(true);
  });

  it('tells a failed read of facts with the page it belongs to', async () => {
    async function* pages() {
      yield [head('c-fails')];
    }
    const { store } = source(0);
    const pagesRead: unknown[] = [];
    await expect(
      (async () => {
        for await (const page of withFacts(store, pages())) pagesRead.push(page);
      })(),
    ).rejects.toThrow('the server went away');
    expect(pagesRead).toEqual([]);
  });
});
