import { join } from 'node:path';
import { NoteSchema } from '../../shared';
import type { Note } from '../../shared';
import type { StorageOptions } from './file-system';
import { JsonlFile } from './jsonl-file';
import { perform } from './staged-write';
import type { StagedWrite } from './staged-write';

/**
 * The team's internal notes: one append-only JSON-lines file (`notes.jsonl`), read whole at start
 * and kept in memory by conversation. Each note is durable when `add` resolves; a line torn by a
 * crash is set aside when the file is opened again.
 */
export class NoteStore {
  private readonly byConversation = new Map<string, Note[]>();

  private constructor(private readonly file: JsonlFile<Note>) {}

  static async open(dataDir: string, options: StorageOptions = {}): Promise<NoteStore> {
    const { file, records } = await JsonlFile.open<Note>(join(dataDir, 'notes.jsonl'), {
      ...options,
      folder: dataDir,
    });
    const store = new NoteStore(file);
    for (const record of records) {
      const note = NoteSchema.safeParse(record);
      if (note.success) store.index(note.data);
    }
    return store;
  }

  /** The notes of a conversation, oldest first. */
  ofConversation(conversationId: string): Note[] {
    return [...(this.byConversation.get(conversationId) ?? [])];
  }

  add(note: Note): Promise<void> {
    return perform(this.adding(note));
  }

  /** A new note, to make durable with its audit entry; shown once durable. */
  adding(note: Note): StagedWrite {
    return {
      targets: [this.file],
      write: () => this.file.appendHeld(note),
      apply: () => this.index(note),
    };
  }

  close(): Promise<void> {
    return this.file.close();
  }

  private index(note: Note): void {
    const list = this.byConversation.get(note.conversationId) ?? [];
    list.push(note);
    list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.byConversation.set(note.conversationId, list);
  }
}
