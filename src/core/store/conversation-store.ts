import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Conversation } from '../../shared';
import { JsonlFile } from './jsonl-file';
import { PrivateJsonFile } from './private-files';

interface Snapshot {
  conversations: Conversation[];
}

/** Journal record of a conversation folded into another one. */
interface Removal {
  id: string;
  removed: true;
}
type JournalRecord = Conversation | Removal;

/**
 * Conversations live in memory; on disk they are a snapshot (`conversations.json`, rewritten rarely)
 * plus a journal of upserts (`conversations.jsonl`, appended per change). Opening replays the journal
 * over the snapshot; compaction folds the journal into a new snapshot once it grows.
 */
export class ConversationStore {
  private readonly byId = new Map<string, Conversation>();
  private journalLength = 0;
  private compacting: Promise<void> | null = null;

  private constructor(
    private readonly snapshot: Low<Snapshot>,
    private readonly journal: JsonlFile<JournalRecord>,
    private readonly compactAfter: number,
  ) {}

  static async open(dataDir: string, options: { compactAfter?: number } = {}) {
    const snapshot = new Low<Snapshot>(
      new PrivateJsonFile<Snapshot>(join(dataDir, 'conversations.json'), (data) =>
        JSON.stringify(data),
      ),
      { conversations: [] },
    );
    await snapshot.read();
    const { file, records } = await JsonlFile.open<JournalRecord>(
      join(dataDir, 'conversations.jsonl'),
    );
    const store = new ConversationStore(snapshot, file, options.compactAfter ?? 20_000);
    for (const c of snapshot.data.conversations) store.byId.set(c.id, c);
    for (const r of records) {
      if ('removed' in r) store.byId.delete(r.id);
      else store.byId.set(r.id, r);
    }
    store.journalLength = records.length;
    snapshot.data = { conversations: [] };
    return store;
  }

  get(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<Conversation> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /** Stores new states of conversations; resolves when they are durable. */
  async put(conversations: Conversation[]): Promise<void> {
    if (conversations.length === 0) return;
    for (const c of conversations) this.byId.set(c.id, c);
    this.journalLength += conversations.length;
    await this.journal.append(...conversations);
    if (this.journalLength >= Math.max(this.compactAfter, this.byId.size / 2)) {
      await this.compact();
    }
  }

  /** Removes conversations (folded into others); resolves when durable. */
  async remove(ids: string[]): Promise<void> {
    const present = ids.filter((id) => this.byId.delete(id));
    if (present.length === 0) return;
    this.journalLength += present.length;
    await this.journal.append(...present.map((id): Removal => ({ id, removed: true })));
  }

  /** Writes every conversation to a new snapshot (atomic rename), then empties the journal. */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      await this.journal.flush();
      const before = this.journalLength;
      this.snapshot.data = { conversations: [...this.byId.values()] };
      await this.snapshot.write();
      this.snapshot.data = { conversations: [] };
      // Appends that raced the snapshot are in memory and in it: the journal can go.
      await this.journal.clear();
      this.journalLength = Math.max(0, this.journalLength - before);
    })().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.compacting;
    await this.journal.close();
  }
}
