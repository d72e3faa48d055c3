// `npm run verify -- --data <dir>`: checks the audit trail of a data folder. Exit 0 when the chain is
// intact, 1 with the first broken entry named, 2 when the folder cannot be checked.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AUDIT_FILE, verifyAudit } from '../src/core/audit/audit-files';
import { join } from 'node:path';
import type { AuditCheck } from '../src/shared';
import { DATABASE_FILE } from '../src/core/store/sql/sqlite';
import { SqliteStore } from '../src/core/store/sql/sqlite-store';
import { dateOf, systemClock } from '../src/core/time/clock';

const usage = 'Usage: npm run verify -- --data <folder of the inbox data, e.g. .data/hub>';

async function main(): Promise<number> {
  let data: string | undefined;
  try {
    const { values } = parseArgs({
      options: { data: { type: 'string' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      console.log(usage);
      return 0;
    }
    data = values.data;
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (data == null) {
    console.error(`Say which data folder to check.\n${usage}`);
    return 2;
  }
  const check = await checkFolder(data);
  if (check == null) {
    console.error(`No audit trail in ${data} (expected ${DATABASE_FILE} or ${AUDIT_FILE}).`);
    return 2;
  }
  if (check.intact) {
    console.log(`Audit trail intact: ${check.entries} entries checked.`);
    return 0;
  }
  console.error(`Audit trail BROKEN at entry ${check.brokenAt}: ${check.reason}.`);
  console.error(`${check.entries} entries before it check out.`);
  return 1;
}

/** The store's trail (read a page at a time), or the files' trail of a folder not moved to it yet. */
async function checkFolder(data: string): Promise<AuditCheck | null> {
  if (existsSync(join(data, DATABASE_FILE))) {
    const store = SqliteStore.open(data, { clock: systemClock, readOnly: true });
    try {
      return await store.audit.verify(dateOf(systemClock));
    } finally {
      await store.close();
    }
  }
  if (existsSync(join(data, AUDIT_FILE))) return verifyAudit(data);
  return null;
}

process.exitCode = await main();
