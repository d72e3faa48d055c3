import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { Conversation, Post } from '../src/shared';
import { InboxService } from '../src/core/service';
import { ConversationStore } from '../src/core/store/conversation-store';
import { PostStore } from '../src/core/store/post-store';

import { conversation, post, tempDir } from '../src/core/test/fixtures';
import type { Figure } from './figure';
import { percentile } from './figure';

const N = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const LANGS = ['fr', 'en', 'de', 'nl', 'es', 'it'];

/** Builds a workspace of N conversations (one post each) with the real store classes. */
async function seed(dir: string): Promise<void> {
  const start = Date.UTC(2026, 9, 1);
  const conversations: Conversation[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < N; i++) {
    const at = new Date(start + i * 37_000).toISOString();
    const id = `x:${1_000_000 + i}`;
    const lang = LANGS[i % LANGS.length]!;
    posts.push(
      post({
        externalId: String(1_000_000 + i),
        conversationId: id,
        createdAt: at,
        language: lang,
      }),
    );
    conversations.push(
      conversation({
        id,
        platform: i % 3 === 0 ? 'facebook' : 'x',
        language: lang,
        createdAt: at,
        lastPostAt: at,
        reach: (i * 7919) % 200_000,
        status: i % 5 === 0 ? 'open' : 'new',
        excerpt: `Question ${i} about my order number ${i * 13} and the loyalty card`,
      }),
    );
  }
  const postStore = await PostStore.open(dir);
  await postStore.add(posts);
  await postStore.close();
  const store = await ConversationStore.open(dir);
  await store.put(conversations);
  await store.compact();
  await store.close();
}

/** Reading and parsing, with nothing else, the files that opening the workspace reads. */
async function rawParseMs(dir: string): Promise<number> {
  const files = ['conversations.json', 'conversations.jsonl', 'workspace.json'].map((f) =>
    join(dir, f),
  );
  const t0 = performance.now();
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (file.endsWith('.jsonl')) {
      for (const line of text.split('\n')) if (line) JSON.parse(line);
    } else if (text) {
      JSON.parse(text);
    }
  }
  return performance.now() - t0;
}

export async function storeBench(): Promise<Figure[]> {
  const { dir, cleanup } = await tempDir('inbox-bench-');
  try {
    await seed(dir);
    const raw = await rawParseMs(dir);
    const t0 = performance.now();
    const service = await InboxService.open({ dataDir: dir });
    const openMs = performance.now() - t0;

    const queries = [
      {},
      { platform: 'facebook' },
      { language: 'nl', sort: 'reach' },
      { status: 'open', sort: 'priority' },
      { q: 'loyalty card 4242' },
      { sort: 'oldest', limit: 200 },
    ] as const;
    const firstStart = performance.now();
    await service.listConversations({});
    const firstListMs = performance.now() - firstStart;
    // Each sort order is built once on first use; the figures below are for a queue in use.
    for (const sort of ['oldest', 'priority', 'reach'] as const)
      await service.listConversations({ sort });
    const listTimes: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const q of queries) {
        const s = performance.now();
        await service.listConversations(q);
        listTimes.push(performance.now() - s);
      }
    }

    // One triage write as an agent makes it: the changed conversation made durable (journal
    // append + fsync) and its audit entry (append + fsync), before the change is announced.
    const writeTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = `x:${1_000_000 + ((i * 7717) % N)}`;
      const { conversation: c } = await service.getConversation({ id });
      const s = performance.now();
      await service.updateConversation({
        id,
        version: c.version,
        status: c.status === 'pending' ? 'open' : 'pending',
      });
      writeTimes.push(performance.now() - s);
    }
    await service.close();

    return [
      { name: `open workspace (${N} conversations)`, value: openMs, unit: 'ms', budget: 1000 },
      { name: 'open / JSON.parse of its files', value: openMs / raw, unit: 'ratio', budget: 2 },
      { name: `first list after open (${N})`, value: firstListMs, unit: 'ms', budget: 1000 },
      { name: `list/filter p95 (${N})`, value: percentile(listTimes, 95), unit: 'ms', budget: 30 },
      {
        name: `triage write persisted p95 (${N})`,
        value: percentile(writeTimes, 95),
        unit: 'ms',
        budget: 10,
      },
    ];
  } finally {
    await cleanup();
  }
}
