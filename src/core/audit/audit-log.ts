import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEntrySchema } from '../../shared';
import type { AuditCheck, AuditEntry, AuditFact } from '../../shared';
import { JsonlFile } from '../store/jsonl-file';
import { writePrivateFile } from '../store/private-files';
import { dateOf, systemClock } from '../time/clock';
import type { Clock } from '../time/clock';
import { chainEntry, checkChain } from './audit-chain';
import type { AuditHead } from './audit-chain';

export const AUDIT_FILE = 'audit.jsonl';
export const AUDIT_HEAD_FILE = 'audit-head.json';

/** Reads the recorded end of the chain; null when there is none (a new trail). */
export async function readHead(dataDir: string): Promise<AuditHead | null> {
  try {
    const head = JSON.parse(await readFile(join(dataDir, AUDIT_HEAD_FILE), 'utf8')) as AuditHead;
    return typeof head.seq === 'number' && typeof head.hash === 'string' ? head : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Checks the audit trail of a data folder, as `npm run verify` does. */
export async function verifyAudit(
  dataDir: string,
  clock: Clock = systemClock,
): Promise<AuditCheck> {
  let text = '';
  try {
    text = await readFile(join(dataDir, AUDIT_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // A final line without its newline is a write a crash interrupted: not part of the trail yet.
  const end = text.lastIndexOf('\n') + 1;
  return checkChain(
    text.slice(0, end).split('\n').slice(0, -1),
    await readHead(dataDir),
    dateOf(clock),
  );
}

/**
 * The append-only, hash-chained record of every action (see AuditEntrySchema). Each append is
 * durable (fsync) before it resolves; appends are chained in the order they are made. The end of
 * the chain is also kept in `audit-head.json`, so entries removed from the end are detected.
 *
 * Opening reads the file once to find where the chain ends. A trail that no longer checks out
 * (someone edited it) still opens, so the inbox keeps working; `verify()` says where it broke.
 */
export class AuditLog {
  private headWrite: Promise<void> = Promise.resolve();
  private headDirty = false;
  private entries: AuditEntry[] | null = null;
  /** The last entry known to be on disk: the head file never names one that is not. */
  private durable: AuditHead | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly file: JsonlFile<AuditEntry>,
    private head: AuditHead | null,
    private readonly clock: Clock,
  ) {}

  static async open(dataDir: string, clock: Clock = systemClock): Promise<AuditLog> {
    const { file, lines } = await JsonlFile.openLines<AuditEntry>(join(dataDir, AUDIT_FILE));
    let head: AuditHead | null = null;
    const last = lines.at(-1);
    if (last != null) {
      try {
        const entry = AuditEntrySchema.parse(JSON.parse(last));
        head = { seq: entry.seq, hash: entry.hash };
      } catch {
        // The last line was tampered with: go on from its position; verify() names it.
        head = { seq: lines.length, hash: '0'.repeat(64) };
      }
    }
    return new AuditLog(dataDir, file, head, clock);
  }

  /** Records an action; resolves with its entry once it is on disk. */
  async record(fact: AuditFact): Promise<AuditEntry> {
    const entry = chainEntry(this.head, fact, dateOf(this.clock));
    this.head = { seq: entry.seq, hash: entry.hash };
    this.entries?.push(entry);
    await this.file.append(entry);
    if (entry.seq > (this.durable?.seq ?? 0)) this.durable = { seq: entry.seq, hash: entry.hash };
    this.saveHead();
    return entry;
  }

  /** Every entry, oldest first (read from disk the first time). Lines that do not parse are left out. */
  async all(): Promise<readonly AuditEntry[]> {
    if (this.entries == null) {
      await this.file.flush();
      const lines = await JsonlFile.readLines(this.file.path);
      const entries: AuditEntry[] = [];
      for (const line of lines) {
        try {
          entries.push(AuditEntrySchema.parse(JSON.parse(line)));
        } catch {
          // Broken lines are verify()'s business; reports read what can be read.
        }
      }
      // Appends made while reading are already in the file's lines or will be pushed after.
      this.entries ??= entries;
    }
    return this.entries;
  }

  /** The entries about one conversation, oldest first. */
  async ofConversation(conversationId: string): Promise<AuditEntry[]> {
    return (await this.all()).filter((e) => e.conversationId === conversationId);
  }

  async verify(): Promise<AuditCheck> {
    await this.flush();
    return verifyAudit(this.dataDir, this.clock);
  }

  async flush(): Promise<void> {
    await this.file.flush();
    await this.headWrite;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.file.close();
  }

  /** Writes the head after the entries it names are durable; writes in a row are coalesced. */
  private saveHead(): void {
    if (this.headDirty) return;
    this.headDirty = true;
    this.headWrite = this.headWrite.then(async () => {
      this.headDirty = false;
      const head = this.durable;
      if (head == null) return;
      const path = join(this.dataDir, AUDIT_HEAD_FILE);
      await writePrivateFile(path, JSON.stringify(head));
    });
  }
}
