import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditCheck } from '../../shared';
import { dateOf, systemClock } from '../time/clock';
import type { Clock } from '../time/clock';
import { ChainChecker } from './audit-chain';
import type { AuditHead } from './audit-chain';

/**
 * The audit trail of a data folder of files (before the SQL store): one JSON line per entry, and
 * the head of the chain beside it. Read by the one-time import and by `npm run verify`.
 */
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

/**
 * Checks the audit trail of a data folder, as `npm run verify` does: the file is read in chunks and
 * checked line by line, so memory stays flat however long the trail is.
 */
export async function verifyAudit(
  dataDir: string,
  clock: Clock = systemClock,
): Promise<AuditCheck> {
  const checker = new ChainChecker(await readHead(dataDir));
  let rest = '';
  try {
    const stream = createReadStream(join(dataDir, AUDIT_FILE), { encoding: 'utf8' });
    try {
      for await (const chunk of stream as AsyncIterable<string>) {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        if (lines.some((line) => !checker.feed(line))) break;
      }
    } finally {
      stream.destroy();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // A final line without its newline (`rest`) is a write a crash interrupted: not part of the trail.
  return checker.finish(dateOf(clock));
}
