import { join } from 'node:path';
import type { Post } from '../../shared';
import { isMissing, storageAt } from './file-system';
import type { Storage, StorageOptions } from './file-system';
import { JsonlFile } from './jsonl-file';
import { perform } from './staged-write';
import type { StagedWrite } from './staged-write';

const MONTH_FILE = /^(\d{4}-\d{2})\.jsonl$/;

/**
 * Posts are append-only history: one JSON-lines file per month of creation (`posts/2026-11.jsonl`).
 * A post is stored once; a later record with the same id replaces the earlier one when read back.
 * Months are read on demand, so opening the store reads nothing: a conversation reads the months it
 * spans, and sync reads them all once before its first write (it must know every stored post).
 *
 * New posts show in memory as soon as they are staged (threading needs them before they are
 * written); if the change they belong to fails, memory is dropped and read again from the files.
 */
export class PostStore {
  private readonly byId = new Map<string, Post>();
  private readonly byConversation = new Map<string, Post[]>();
  /** Parent id → ids of conversation roots that answer it while it is not stored. */
  private readonly waiting = new Map<string, Set<string>>();
  /** Month (`2026-11`) → its open file. */
  private readonly files = new Map<string, Promise<JsonlFile<Post>>>();
  /** Month → its posts read into memory (dropped when a failed change is forgotten). */
  private readonly loaded = new Map<string, Promise<JsonlFile<Post>>>();

  private constructor(
    private readonly storage: Storage,
    private readonly dir: string,
    private readonly onDisk: Set<string>,
  ) {}

  static async open(dataDir: string, options: StorageOptions = {}): Promise<PostStore> {
    const storage = storageAt(dataDir, options);
    const dir = join(dataDir, 'posts');
    let names: string[] = [];
    try {
      names = await storage.fs.readdir(dir);
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    const months = names.map((n) => MONTH_FILE.exec(n)?.[1]).filter((m): m is string => m != null);
    return new PostStore(storage, dir, new Set(months));
  }

  /** Reads every month: afterwards `get` knows every stored post. */
  async loadAll(): Promise<void> {
    await Promise.all([...this.onDisk].map((m) => this.month(m)));
  }

  /** Reads the months from `fromIso` to `toIso` (inclusive). */
  async loadRange(fromIso: string, toIso: string): Promise<void> {
    const from = fromIso.slice(0, 7);
    const to = toIso.slice(0, 7);
    await Promise.all(
      [...this.onDisk].filter((m) => m >= from && m <= to).map((m) => this.month(m)),
    );
  }

  get(id: string): Post | undefined {
    return this.byId.get(id);
  }

  /** The conversation's posts among the months read, oldest first. */
  ofConversation(conversationId: string): Post[] {
    return this.byConversation.get(conversationId) ?? [];
  }

  /** Posts in the months read so far. */
  get loadedSize(): number {
    return this.byId.size;
  }

  /**
   * Stores posts not seen before; resolves when they are durable. Returns those that were new.
   * Call `loadAll` first: a post is only known to be new against the months read.
   */
  async add(posts: Post[]): Promise<Post[]> {
    const { fresh, write } = await this.adding(posts);
    await perform(write);
    return fresh;
  }

  /** The posts not seen before, shown in memory now and staged to be written with their change. */
  async adding(posts: readonly Post[]): Promise<{ fresh: Post[]; write: StagedWrite }> {
    const seen = new Set<string>();
    const fresh = posts.filter((p) => {
      if (this.byId.has(p.id) || seen.has(p.id)) return false;
      seen.add(p.id);
      return true;
    });
    return { fresh, write: await this.writing(fresh) };
  }

  /**
   * Stores new versions of posts already stored (e.g. moved to another conversation); the latest
   * record of a post wins when read back. Resolves when durable.
   */
  async replace(posts: Post[]): Promise<void> {
    await perform(await this.replacing(posts));
  }

  /** New versions of stored posts, shown in memory now and staged to be written with their change. */
  replacing(posts: readonly Post[]): Promise<StagedWrite> {
    return this.writing(posts);
  }

  /** Forgets what memory holds: the months are read again from their files when next needed. */
  forgetMemory(): void {
    this.byId.clear();
    this.byConversation.clear();
    this.waiting.clear();
    this.loaded.clear();
  }

  private async writing(posts: readonly Post[]): Promise<StagedWrite> {
    const byMonth = new Map<string, Post[]>();
    for (const post of posts) {
      const month = post.createdAt.slice(0, 7);
      byMonth.set(month, [...(byMonth.get(month) ?? []), post]);
    }
    const files = new Map<JsonlFile<Post>, Post[]>();
    for (const [month, batch] of byMonth) files.set(await this.month(month), batch);
    for (const post of posts) this.index(post);
    return {
      targets: [...files.keys()],
      write: async () => {
        for (const [file, batch] of files) await file.appendHeld(...batch);
      },
      apply: () => undefined,
      abandon: () => this.forgetMemory(),
    };
  }

  /**
   * Conversation roots that answer a post we now hold: they were stored before their parent (X
   * serves newest first) and belong in the parent's conversation. Known only after `loadAll`.
   */
  orphansOf(parentId: string): string[] {
    return this.byId.has(parentId) ? [...(this.waiting.get(parentId) ?? [])] : [];
  }

  /** Parents that orphans wait for and that are now stored: moves a crash interrupted. */
  parentsWithOrphans(): string[] {
    return [...this.waiting.keys()].filter((id) => this.byId.has(id));
  }

  /** Deletes every post of an account from the files and from memory; returns how many. */
  async forgetAccount(accountId: string): Promise<number> {
    await this.loadAll();
    const gone = [...this.byId.values()].filter((p) => p.accountId === accountId);
    if (gone.length === 0) return 0;
    for (const post of gone) {
      this.byId.delete(post.id);
      this.byConversation.delete(post.conversationId);
      if (post.inReplyTo != null) this.waiting.get(post.inReplyTo)?.delete(post.id);
    }
    const months = new Set(gone.map((p) => p.createdAt.slice(0, 7)));
    try {
      for (const month of months) {
        const file = await this.month(month);
        const kept = [...this.byId.values()].filter((p) => p.createdAt.slice(0, 7) === month);
        await file.rewrite(kept);
      }
    } catch (err) {
      // Some months kept their posts: memory is read again from the files.
      this.forgetMemory();
      throw err;
    }
    return gone.length;
  }

  async close(): Promise<void> {
    const files = await Promise.allSettled(this.files.values());
    await Promise.all(files.map((f) => (f.status === 'fulfilled' ? f.value.close() : undefined)));
  }

  /** The month's file, its posts in memory (read the first time, or again after forgetMemory). */
  private month(month: string): Promise<JsonlFile<Post>> {
    let loading = this.loaded.get(month);
    if (loading == null) {
      loading = this.load(month);
      this.loaded.set(month, loading);
      // A month that could not be read is tried again next time.
      loading.catch(() => {
        if (this.loaded.get(month) === loading) this.loaded.delete(month);
      });
    }
    return loading;
  }

  private async load(month: string): Promise<JsonlFile<Post>> {
    const opened = this.files.get(month);
    if (opened != null) {
      const file = await opened;
      const lines = await JsonlFile.readLines(file.path, { fs: this.storage.fs });
      for (const line of lines) this.index(JSON.parse(line) as Post);
      return file;
    }
    const opening = JsonlFile.open<Post>(join(this.dir, `${month}.jsonl`), {
      fs: this.storage.fs,
      clock: this.storage.clock,
      folder: this.storage.folder,
    });
    const file = opening.then(({ file }) => file);
    file.catch(() => undefined); // a failure is thrown below
    this.files.set(month, file);
    try {
      const { records } = await opening;
      for (const post of records) this.index(post);
      this.onDisk.add(month);
      return await file;
    } catch (err) {
      this.files.delete(month);
      throw err;
    }
  }

  private index(post: Post): void {
    const previous = this.byId.get(post.id);
    this.byId.set(post.id, post);
    if (previous) {
      const old = this.byConversation.get(previous.conversationId) ?? [];
      const rest = old.filter((p) => p.id !== post.id);
      if (rest.length > 0) this.byConversation.set(previous.conversationId, rest);
      else this.byConversation.delete(previous.conversationId);
    }
    const parent = post.inReplyTo;
    if (parent != null) {
      const roots = this.waiting.get(parent) ?? new Set<string>();
      if (post.conversationId === post.id) roots.add(post.id);
      else roots.delete(post.id);
      if (roots.size > 0) this.waiting.set(parent, roots);
      else this.waiting.delete(parent);
    }
    const kept = this.byConversation.get(post.conversationId) ?? [];
    // Posts mostly arrive in time order: insert from the end.
    let at = kept.length;
    while (at > 0 && compare(kept[at - 1]!, post) > 0) at -= 1;
    kept.splice(at, 0, post);
    this.byConversation.set(post.conversationId, kept);
  }
}

/** Time order, then id; ordinal comparison (ISO dates sort as text), not the slower localeCompare. */
function compare(a: Post, b: Post): number {
  return ordinal(a.createdAt, b.createdAt) || ordinal(a.id, b.id);
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
