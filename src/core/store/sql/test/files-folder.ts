import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuditCheck, AuditEntry, Conversation, Note, Post } from '../../../../shared';
import type { AuditHead } from '../../../audit/audit-chain';
import type { OutboxItem } from '../../../outbox/outbox-item';

/**
 * A data folder as the inbox wrote it before the SQL store (files: a conversation snapshot and
 * journal, posts by month, notes, the outbox, the audit trail and its head, the settings with the
 * sync cursors): synced from the emulator, triaged, a note, a reply sent, a tag renamed, the
 * conversations compacted then changed again, and a post of an earlier month.
 */
export const FILES_FOLDER = fileURLToPath(new URL('./files-folder/data', import.meta.url));

/** What that version read from the folder, record for record. */
export interface FilesFolderContents {
  conversations: Conversation[];
  posts: Post[];
  notes: Note[];
  replies: OutboxItem[];
  entries: AuditEntry[];
  cursors: Record<string, Record<string, string>>;
  head: AuditHead;
  /** What its verify said of the trail. */
  verdict: AuditCheck;
  /** The time of its clock when it was written (ms). */
  now: number;
}

export function filesFolderExpected(): FilesFolderContents {
  const path = fileURLToPath(new URL('./files-folder/expected.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as FilesFolderContents;
}
