import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Post } from '../../shared';
import { JsonlFile } from './jsonl-file';

/**
 * Posts are append-only history: one JSON-lines file per month of creation (`posts/2026-11.jsonl`).
 * A post is stored once; a later record with the same id replaces the earlier one when read back.
 */
export class PostStore {
  private readonly byId = new Map<string, Post>();
  private readonly byConversation = new Map<string, Post[]>();
  private readonly files = new Map<string, Promise<JsonlFile<Post>>>();

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<PostStore> {
    const store = new PostStore(join(dataDir, 'posts'));
    let names: string[] = [];
    try {
      names = (await readdir(store.dir)).filter((n) => /^\d{4}-\d{2}\.jsonl$/.test(n)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const name of names) {
      const { file, records } = await JsonlFile.open<Post>(join(store.dir, name));
      store.files.set(name, Promise.resolve(file));
      for (const post of records) store.index(post);
    }
    return store;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Post | undefined {
    return this.byId.get(id);
  }

  /** The conversation's posts, oldest first. */
  ofConversation(conversationId: string): Post[] {
    return this.byConversation.get(conversationId) ?? [];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Stores posts not seen before; resolves when they are durable. Returns those that were new. */
  async add(posts: Post[]): Promise<Post[]> {
    const seen = new Set<string>();
    const fresh = posts.filter((p) => {
      if (this.byId.has(p.id) || seen.has(p.id)) return false;
      seen.add(p.id);
      return true;
    });
    const byMonth = new Map<string, Post[]>();
    for (const post of fresh) {
      this.index(post);
      const month = `${post.createdAt.slice(0, 7)}.jsonl`;
      byMonth.set(month, [...(byMonth.get(month) ?? []), post]);
    }
    await Promise.all(
      [...byMonth].map(async ([month, batch]) => (await this.file(month)).append(...batch)),
    );
    return fresh;
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map(async (f) => (await f).close()));
  }

  private file(name: string): Promise<JsonlFile<Post>> {
    let file = this.files.get(name);
    if (file == null) {
      file = JsonlFile.open<Post>(join(this.dir, name)).then((opened) => opened.file);
      this.files.set(name, file);
    }
    return file;
  }

  private index(post: Post): void {
    const previous = this.byId.get(post.id);
    this.byId.set(post.id, post);
    const list = this.byConversation.get(post.conversationId) ?? [];
    const kept = previous ? list.filter((p) => p.id !== post.id) : list;
    kept.push(post);
    kept.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    this.byConversation.set(post.conversationId, kept);
  }
}
