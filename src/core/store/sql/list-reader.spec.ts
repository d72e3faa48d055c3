import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InboxError, ListConversationsInputSchema } from '../../../shared';
import type { ListConversationsInput } from '../../../shared';
import { conversation, tempDir } from '../../test/fixtures';
import { clockStartingAt } from '../../time/clock';
import { LIST_WORKER, ListReader } from './list-reader';
import { SqliteStore } from './sqlite-store';

const run = promisify(execFile);
const clock = clockStartingAt(Date.UTC(2026, 10, 20));
let dir: string;
let cleanup: () => Promise<void>;
let store: SqliteStore;

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString();
const queue = Array.from({ length: 60 }, (_, i) =>
  conversation({
    id: `x:${String(i).padStart(3, '0')}`,
    status: (['new', 'open', 'done'] as const)[i % 3],
    assignee: i % 4 === 0 ? 'rita' : null,
    tags: i % 5 === 0 ? ['billing'] : [],
    language: (['fr', 'en', 'de'] as const)[i % 3],
    lastPostAt: at(i),
    excerpt: i % 7 === 0 ? 'ma commande est arrivée cassée' : 'where is my order',
  }),
);
const q = (input: ListConversationsInput) => ListConversationsInputSchema.parse(input);

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('list-reader-'));
  store = SqliteStore.open(dir, { clock });
  await store.commit([], [{ kind: 'conversations.put', conversations: queue }]);
});
afterAll(async () => {
  await store.close();
  await cleanup();
});

describe('lists on a thread of their own', () => {
  it('gives the pages the event loop gives, for every kind of query', async () => {
    const queries = [
      q({}),
      q({ limit: 7 }),
      q({ status: 'open', sort: 'oldest' }),
      q({ assignee: 'rita', language: 'fr' }),
      q({ tag: 'billing' }),
      q({ q: 'cassée' }),
      q({ q: 'ORDER', status: 'new', limit: 5 }),
    ];
    const here = await Promise.all(queries.map((query) => store.conversations.listHere(query)));
    const reader = store.listOnThread();
    expect(reader.inProcessWhy).toBeNull();
    // Until the thread is ready, lists are read here, and they are the same.
    expect(
      await reader.list({ query: queries[0]!, tuning: store.conversations.tuning }),
    ).toBeNull();
    await reader.ready;
    const tuning = store.conversations.tuning;
    for (const [i, query] of queries.entries()) {
      expect(await reader.list({ query, tuning })).toEqual(here[i]);
      expect(await store.conversations.list(query)).toEqual(here[i]);
    }
    // The next page, by the cursor the thread gave.
    const first = await store.conversations.list(q({ limit: 25 }));
    const second = await store.conversations.list(q({ limit: 25, cursor: first.nextCursor! }));
    expect(second).toEqual(
      await store.conversations.listHere(q({ limit: 25, cursor: first.nextCursor! })),
    );
    expect(second.items[0]!.id).toBe('x:034');
  });

  it('gives a page as the JSON text of its checked page, from the thread or the event loop', async () => {
    const reader = store.listOnThread();
    await reader.ready;
    const tuning = store.conversations.tuning;
    for (const query of [q({ limit: 7 }), q({ q: 'cassée' }), q({ tag: 'billing' })]) {
      const text = await reader.listJson({ query, tuning });
      expect(JSON.parse(text!)).toEqual(await store.conversations.listHere(query));
      expect(await store.conversations.listJson(query)).toBe(text);
    }
    // A field the contract does not know (written by another version) does not go out.
    const odd = { ...conversation({ id: 'x:odd', lastPostAt: at(59) }), internal: 'kept here' };
    await store.commit([], [{ kind: 'conversations.put', conversations: [odd] }]);
    const text = await store.conversations.listJson(q({ limit: 1 }));
    expect(JSON.parse(text).items[0].id).toBe('x:odd');
    expect(text).not.toContain('kept here');
    await store.commit([], [{ kind: 'conversations.remove', ids: ['x:odd'] }]);
  });

  it('sees each commit made before it is asked', async () => {
    await store.listOnThread().ready;
    const late = conversation({ id: 'x:late', lastPostAt: at(59), excerpt: 'zut alors' });
    await store.commit([], [{ kind: 'conversations.put', conversations: [late] }]);
    expect((await store.conversations.list(q({ q: 'zut' }))).items.map((c) => c.id)).toEqual([
      'x:late',
    ]);
    await store.commit([], [{ kind: 'conversations.remove', ids: ['x:late'] }]);
    expect((await store.conversations.list(q({ q: 'zut' }))).total).toBe(0);
  });

  it('keeps the code of an error the list gave (a cursor it cannot read)', async () => {
    await store.listOnThread().ready;
    const error = await store.conversations.list(q({ cursor: 'not-a-cursor' })).catch((e) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/cursor/) });
  });

  it('lists on the event loop, and says why, where the entry is not', async () => {
    const reader = new ListReader(store.file, new URL('./no-such-worker.mjs', LIST_WORKER));
    try {
      expect(reader.inProcessWhy).toMatch(/no-such-worker\.mjs/);
      expect(await reader.list({ query: q({}), tuning: store.conversations.tuning })).toBeNull();
    } finally {
      await reader.close();
    }
  });

  it('lists on the event loop, and says why once, when the thread does not start', async () => {
    const entry = join(dir, 'broken-worker.mjs');
    await writeFile(entry, "throw new Error('no loader here');\n");
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reader = new ListReader(store.file, pathToFileURL(entry));
    try {
      const job = { query: q({}), tuning: store.conversations.tuning };
      await reader.ready;
      expect(await reader.list(job)).toBeNull();
      expect(reader.inProcessWhy).toMatch(/no loader here/);
      expect(await reader.list(job)).toBeNull();
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
      await reader.close();
    }
  });

  it("starts its thread without the process's preloaded modules", async () => {
    // A process started with `--import` of a module that cannot run on a thread (a probe that
    // listens for signals, a loader of its own): the thread still starts.
    const preload = join(dir, 'main-thread-only.mjs');
    await writeFile(
      preload,
      "import { isMainThread } from 'node:worker_threads';\n" +
        "if (!isMainThread) throw new Error('this preload runs on the main thread only');\n",
    );
    const script = join(dir, 'list-on-thread.mts');
    await writeFile(
      script,
      `import { SqliteStore } from ${JSON.stringify(fileURLToPath(new URL('./sqlite-store.ts', import.meta.url)))};\n` +
        `const store = SqliteStore.open(${JSON.stringify(dir)}, { clock: { now: () => 0 } });\n` +
        'const reader = store.listOnThread();\n' +
        'await reader.ready;\n' +
        'console.log(JSON.stringify({ why: reader.inProcessWhy }));\n' +
        'await store.close();\n',
    );
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      '--import',
      pathToFileURL(preload).href,
      script,
    ]);
    expect(JSON.parse(stdout.trim())).toEqual({ why: null });
  });

  it('ends the thread with the store, which closes cleanly', async () => {
    const other = await tempDir('list-reader-close-');
    try {
      const own = SqliteStore.open(other.dir, { clock });
      await own.commit([], [{ kind: 'conversations.put', conversations: queue.slice(0, 3) }]);
      await own.listOnThread().ready;
      expect((await own.conversations.list(q({}))).total).toBe(3);
      await own.close();
      // Closed with its reader gone, the store leaves no WAL behind (checkpointed and truncated).
      const reopened = SqliteStore.open(other.dir, { clock });
      expect((await reopened.conversations.list(q({}))).total).toBe(3);
      await reopened.close();
    } finally {
      await other.cleanup();
    }
  });
});
