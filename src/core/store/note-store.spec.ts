import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../shared';
import { tempDir } from '../test/fixtures';
import { NoteStore } from './note-store';

const note = (n: number, conversationId = 'x:1'): Note => ({
  id: `note:${n}`,
  conversationId,
  author: 'agent:jan',
  text: `note ${n}`,
  mentions: [],
  createdAt: new Date(Date.UTC(2026, 10, 20, 10, n)).toISOString(),
});

describe('NoteStore', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('keeps notes by conversation, oldest first, across a reopen', async () => {
    const store = await NoteStore.open(dir);
    await store.add(note(2));
    await store.add(note(1));
    await store.add(note(3, 'facebook:9'));
    await store.close();
    const reopened = await NoteStore.open(dir);
    expect(reopened.ofConversation('x:1').map((n) => n.id)).toEqual(['note:1', 'note:2']);
    expect(reopened.ofConversation('facebook:9')).toEqual([note(3, 'facebook:9')]);
    expect(reopened.ofConversation('x:404')).toEqual([]);
    await reopened.close();
  });

  it('survives a crash in the middle of a write: the torn note is dropped, the next one kept', async () => {
    const store = await NoteStore.open(dir);
    await store.add(note(1));
    await store.close();
    // The process died while writing the second note.
    await appendFile(join(dir, 'notes.jsonl'), JSON.stringify(note(2)).slice(0, 40));
    const after = await NoteStore.open(dir);
    expect(after.ofConversation('x:1').map((n) => n.id)).toEqual(['note:1']);
    await after.add(note(3));
    await after.close();
    const lines = (await readFile(join(dir, 'notes.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Note).id)).toEqual(['note:1', 'note:3']);
  });
});
