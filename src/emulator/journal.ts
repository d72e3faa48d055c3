/** One change a client made on an emulated platform: a post, a reply, a private message, a hide. */
export interface JournalEntry {
  at: string;
  platform: 'x' | 'facebook';
  action: 'tweet' | 'direct_message' | 'comment' | 'private_reply' | 'hide' | 'unhide' | 'publish';
  /** The account or Page that acted. */
  actorId: string;
  /** Id of what was created or changed. */
  id: string;
  /** What it answers or targets (tweet, comment or user id), when any. */
  targetId?: string;
  text?: string;
}

/** Every write accepted by the emulator, in order, so tests can check nothing was sent twice. */
export class WriteJournal {
  private readonly entries: JournalEntry[] = [];

  constructor(private readonly now: () => number) {}

  record(entry: Omit<JournalEntry, 'at'>): JournalEntry {
    const full = { at: new Date(this.now()).toISOString(), ...entry };
    this.entries.push(full);
    return full;
  }

  list(): JournalEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }
}
