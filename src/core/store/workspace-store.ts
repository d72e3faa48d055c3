import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Account, Agent, Rule, SavedReply, SavedView, TagDef } from '../../shared';
import { PrivateJsonFile, makePrivateDir } from './private-files';

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

/** The small, hot settings file: accounts, agents, cursors. Rewritten whole (atomic rename). */
export class WorkspaceStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly db: Low<Workspace>) {}

  static async open(dataDir: string): Promise<WorkspaceStore> {
    await makePrivateDir(dataDir);
    const db = new Low<Workspace>(
      new PrivateJsonFile<Workspace>(join(dataDir, 'workspace.json')),
      empty(),
    );
    await db.read();
    db.data = { ...empty(), ...db.data };
    return new WorkspaceStore(db);
  }

  get data(): Readonly<Workspace> {
    return this.db.data;
  }

  /** Applies a change and persists it; writes are serialized so none overtakes another. */
  update(change: (data: Workspace) => void): Promise<void> {
    change(this.db.data);
    this.writing = this.writing.then(() => this.db.write());
    return this.writing;
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
    await this.writing;
  }
}
