import { basename, join } from 'node:path';
import { Low, Memory } from 'lowdb';
import type { Adapter } from 'lowdb';
import type {
  Account,
  Agent,
  Rule,
  SavedReply,
  SavedView,
  TagDef,
  TeamSettings,
} from '../../shared';
import type { TranslationChoice } from '../translation/translation-config';
import { writeFileAtomic } from './durable-write';
import { isMissing, storageAt } from './file-system';
import type { Storage, StorageOptions } from './file-system';
import { storageError } from './storage-error';

export interface Workspace {
  schema: 1;
  accounts: Account[];
  agents: Agent[];
  /** SHA-256 of each agent's personal token → agent id. The tokens themselves are never stored. */
  agentTokens: Record<string, string>;
  /**
   * Where each account's sync stood, in a document from before the SQL store (which keeps the
   * cursors now): read once by the import, never written.
   */
  cursors?: Record<string, Record<string, string>>;
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
  /** What the team decided once (absent: the defaults, DEFAULT_TEAM_SETTINGS). */
  teamSettings?: TeamSettings;
  /** The translation service managers chose in the UI (absent: the one the inbox started with). */
  translation?: TranslationChoice;
}

export const WORKSPACE_FILE = 'workspace.json';

const empty = (): Workspace => ({
  schema: 1,
  accounts: [],
  agents: [],
  agentTokens: {},
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
    await this.restore(settingsText(data));
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

/** A change of the settings document, made on a copy of it as the commit finds it. */
export type SettingsChange = (data: Workspace) => void;

/** A document read from its text, with what a document from before lacks filled in. */
export function workspaceOf(text: string): Workspace {
  // The cursors of a document from before the SQL store are the import's: the store keeps them.
  const { cursors: _imported, ...data } = JSON.parse(text) as Workspace;
  return { ...empty(), ...data };
}

/** The document as its file holds it. */
export function settingsText(data: Workspace): string {
  return JSON.stringify(data, null, 2);
}

/**
 * The team's settings: accounts, agents, tags, views, rules, saved replies. lowdb keeps the
 * document in memory and in `workspace.json`. A change is computed on a copy (`draft`), made
 * durable by the store's commit (which keeps the document until its file is written), and only
 * then shown (`adopt`), so a change the store refuses changes nothing.
 *
 * Where several processes share a store that keeps the document itself (PostgreSQL: `shared`),
 * there is no file: the document in memory is the store's of a version, replaced by each newer one
 * a commit of this process or another makes (`adoptVersion`).
 */
export class WorkspaceStore {
  /** File writes, one after the other in the order the changes were adopted. */
  private chain: Promise<void> = Promise.resolve();
  /** The store's version of the document in memory (shared documents only). */
  private version_ = 0;
  private readonly listeners = new Set<(before: Workspace, after: Workspace) => void>();

  private constructor(
    private readonly db: Low<Workspace>,
    private readonly file: WorkspaceFile | null,
  ) {}

  /** A document the store keeps and shares (no file), as of this version. */
  static shared(text: string, version: number): WorkspaceStore {
    const store = new WorkspaceStore(new Low<Workspace>(new Memory(), workspaceOf(text)), null);
    store.version_ = version;
    return store;
  }

  /** The store's version of the document in memory (0: a document of a file). */
  get version(): number {
    return this.version_;
  }

  /**
   * Shows a newer version of a shared document (one this process committed, or another did);
   * an older or the same one is left. True: it was newer. Listeners hear of another's change.
   */
  adoptVersion(text: string, version: number, theirs: boolean): boolean {
    if (version <= this.version_) return false;
    const before = this.db.data;
    this.db.data = workspaceOf(text);
    this.version_ = version;
    if (theirs) for (const listener of this.listeners) listener(before, this.db.data);
    return true;
  }

  /** Told when another process changed the shared document (before, after). */
  onChange(listener: (before: Workspace, after: Workspace) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Opens the document. `pending` is the document a commit left whose file may not be written
   * (a crash in between): it is the newer one (`written` then writes its file).
   */
  static async open(
    dataDir: string,
    options: StorageOptions = {},
    pending: string | null = null,
  ): Promise<WorkspaceStore> {
    const storage = storageAt(dataDir, options);
    try {
      await storage.fs.mkdir(dataDir);
    } catch (err) {
      throw storageError(err, dataDir, WORKSPACE_FILE);
    }
    const file = new WorkspaceFile(storage, join(dataDir, WORKSPACE_FILE));
    const db = new Low<Workspace>(file, empty());
    await db.read();
    db.data = workspaceOf(JSON.stringify(db.data));
    const store = new WorkspaceStore(db, file);
    if (pending != null) db.data = workspaceOf(pending);
    return store;
  }

  /** Writes the file of the document in memory, if it holds anything else. */
  async written(): Promise<void> {
    if (this.file == null) return;
    const text = settingsText(this.db.data);
    if (this.file.text !== text) await this.adopt(this.db.data);
  }

  get data(): Readonly<Workspace> {
    return this.db.data;
  }

  /** The document with these changes made, on a copy (memory is left as it is). */
  draft(changes: readonly SettingsChange[]): Workspace {
    const next = structuredClone(this.db.data) as Workspace;
    for (const change of changes) change(next);
    return next;
  }

  /**
   * Shows a document a commit made durable, then writes its file (after the writes of the
   * documents adopted before it). Resolves once the file is written.
   */
  adopt(next: Workspace): Promise<void> {
    this.db.data = next;
    const file = this.file;
    if (file == null) return Promise.resolve();
    const text = settingsText(next);
    const write = this.chain.then(() => file.restore(text));
    this.chain = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.chain;
  }
}
