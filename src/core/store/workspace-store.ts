import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import type { Account, Agent, Rule, SavedReply, SavedView, TagDef } from '../../shared';
import { writeFileAtomic } from './durable-write';
import { isMissing, storageAt } from './file-system';
import type { Storage, StorageOptions } from './file-system';
import { perform, queueHold } from './staged-write';
import type { Hold, Holdable, StagedWrite } from './staged-write';
import { storageError } from './storage-error';

/** Where each stream of each account has got to; advanced only after the posts it covers are stored. */
export type Cursors = Record<string, Record<string, string>>;

export interface Workspace {
  schema: 1;
  accounts: Account[];
  agents: Agent[];
  /** SHA-256 of each agent's personal token → agent id. The tokens themselves are never stored. */
  agentTokens: Record<string, string>;
  cursors: Cursors;
  /** The team's tag registry (a file from before tags opens with none). */
  tags: TagDef[];
  /** Each agent's saved views, by agent id. */
  views: Record<string, SavedView[]>;
  /** The managers' rules, in the order they run (a file from before rules opens with none). */
  rules: Rule[];
  /** Language → the agent who got the last conversation by turns in it. */
  ruleTurns: Record<string, string>;
  /** The team's saved replies (a file from before them opens with none). */
  savedReplies: SavedReply[];
}

export const WORKSPACE_FILE = 'workspace.json';

const empty = (): Workspace => ({
  schema: 1,
  accounts: [],
  agents: [],
  agentTokens: {},
  cursors: {},
  tags: [],
  views: {},
  rules: [],
  ruleTurns: {},
  savedReplies: [],
});

/** lowdb's file adapter, through the store's file system: atomic, synced writes. */
class WorkspaceFile implements Adapter<Workspace> {
  /** The file's text as last read or written (null: no file yet). */
  text: string | null = null;

  constructor(
    private readonly storage: Storage,
    readonly path: string,
  ) {}

  async read(): Promise<Workspace | null> {
    try {
      this.text = await this.storage.fs.readFile(this.path);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    return JSON.parse(this.text) as Workspace;
  }

  async write(data: Workspace): Promise<void> {
    await this.restore(JSON.stringify(data, null, 2));
  }

  /** Puts this text in the file (null: removes it). */
  async restore(text: string | null): Promise<void> {
    if (text == null) {
      await this.storage.fs.unlink(this.path).catch((err: unknown) => {
        if (!isMissing(err)) throw storageError(err, this.storage.folder, basename(this.path));
      });
    } else {
      await writeFileAtomic(this.storage, this.path, text);
    }
    this.text = text;
  }
}

/**
 * The small, hot settings file: accounts, agents, cursors, tags, views, rules. lowdb keeps it in
 * memory; each change is computed on a copy, written whole (atomic rename, synced), and only then
 * becomes the document in memory, so a write the disk refuses changes nothing. Writes run one after
 * the other; a failed one does not stop the next.
 */
export class WorkspaceStore implements Holdable {
  private chain: Promise<void> = Promise.resolve();
  private repair: (() => Promise<void>) | null = null;
  /**
   * Set while held: the document the changes prepared so far make, and whether the hold wrote the
   * file (an undo then puts the old text back).
   */
  private held: { next: Workspace | null; wrote: boolean } | null = null;

  private constructor(
    private readonly db: Low<Workspace>,
    private readonly file: WorkspaceFile,
  ) {}

  static async open(dataDir: string, options: StorageOptions = {}): Promise<WorkspaceStore> {
    const storage = storageAt(dataDir, options);
    try {
      await storage.fs.mkdir(dataDir);
    } catch (err) {
      throw storageError(err, dataDir, WORKSPACE_FILE);
    }
    const file = new WorkspaceFile(storage, join(dataDir, WORKSPACE_FILE));
    const db = new Low<Workspace>(file, empty());
    await db.read();
    db.data = { ...empty(), ...db.data };
    return new WorkspaceStore(db, file);
  }

  get data(): Readonly<Workspace> {
    return this.db.data;
  }

  /** Applies a change and persists it; memory shows it once it is on disk. */
  update(change: (data: Workspace) => void): Promise<void> {
    return perform(this.changing(change));
  }

  /**
   * A change to make durable with others (an audit entry): computed on a copy of the document as
   * it is when the change is made (the file held; after the changes staged before it in the same
   * commit), written, then shown.
   */
  changing(change: (data: Workspace) => void): StagedWrite {
    let next: Workspace | null = null;
    return {
      targets: [this],
      prepare: () => {
        if (this.held == null) throw new Error('The workspace is not held');
        next = structuredClone(this.held.next ?? this.db.data);
        change(next);
        this.held.next = next;
      },
      write: async () => {
        const held = this.held;
        if (next == null || held == null) throw new Error('The workspace is not held');
        // A write that fails leaves the old file (it is renamed into place last).
        await this.file.write(next);
        held.wrote = true;
      },
      apply: () => {
        if (next != null) this.db.data = next;
      },
    };
  }

  hold(): Promise<Hold> {
    const { hold, chain } = queueHold(this.chain, async (release): Promise<Hold> => {
      await this.runRepair();
      const mark = { path: this.file.path, text: this.file.text };
      const state: { next: Workspace | null; wrote: boolean } = { next: null, wrote: false };
      this.held = state;
      return {
        mark,
        undo: async () => {
          if (!state.wrote) return;
          await this.file.restore(mark.text);
          state.wrote = false;
        },
        release: () => {
          if (this.held === state) this.held = null;
          release();
        },
      };
    });
    this.chain = chain;
    return hold;
  }

  repairBefore(repair: () => Promise<void>): void {
    this.repair = repair;
  }

  cursor(accountId: string, stream: string): string | null {
    return this.db.data.cursors[accountId]?.[stream] ?? null;
  }

  setCursor(accountId: string, stream: string, value: string): Promise<void> {
    return this.updateCursors(accountId, { [stream]: value });
  }

  /** Sets (or, with null, clears) several cursors of an account in one write. */
  updateCursors(accountId: string, values: Record<string, string | null>): Promise<void> {
    return this.update((data) => {
      const cursors = { ...data.cursors[accountId] };
      for (const [stream, value] of Object.entries(values)) {
        if (value == null) delete cursors[stream];
        else cursors[stream] = value;
      }
      data.cursors[accountId] = cursors;
    });
  }

  async close(): Promise<void> {
    await this.chain;
  }

  private async runRepair(): Promise<void> {
    const repair = this.repair;
    if (repair == null) return;
    await repair();
    if (this.repair === repair) this.repair = null;
  }
}
