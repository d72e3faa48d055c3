import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SqliteStore } from '../../core/store/sql/sqlite-store';
import { FaultyFileSystem } from '../../core/test/faulty-file-system';
import type { WriteOp } from '../../core/test/faulty-file-system';
import { StoreFaults } from '../../core/test/store-faults';
import { systemClock } from '../../core/time/clock';
import { parseHubConfig } from '../config';
import { closeOnSignals, runHub } from '../run-hub';

// A hub for storage-fault tests, started like `npm run hub` (same flags) but on a store and a
// settings file that fail on demand, as the file named by SOCIAL_INBOX_TEST_FAULT_FILE says while
// it exists: `full` (the store's disk has no room), `readonly` (the store cannot be written), or an
// errno for the settings file, optionally for one operation (`EROFS workspace.json rename`). Only
// this test entry reads that variable; the hub's CLI does not.
const control = process.env.SOCIAL_INBOX_TEST_FAULT_FILE;
const said = (): string[] =>
  control != null && existsSync(control) ? readFileSync(control, 'utf8').trim().split(/\s+/) : [];

const fileSystem = new FaultyFileSystem();
fileSystem.fault = (op: WriteOp, path: string) => {
  const [code, file, only] = said();
  if (!code?.startsWith('E') || (file && basename(path) !== file) || (only && op !== only))
    return null;
  return { code };
};

let store: SqliteStore | null = null;
const faults = new StoreFaults(() => store!);
let applied = '';
// The store's state follows the control file (read often: a test writes it, then calls).
setInterval(() => {
  if (store == null) return;
  const [word = ''] = said();
  if (word === applied) return;
  faults.clear();
  if (word === 'full') faults.full();
  if (word === 'readonly') faults.readOnly();
  applied = word;
}, 10).unref();

const { config } = parseHubConfig(process.argv.slice(2), {});
const hub = await runHub(config, {
  fileSystem,
  openStore: (dataDir) => (store = SqliteStore.open(dataDir, { clock: systemClock })),
});
closeOnSignals(hub.close);
hub.service.startSync();
console.log(`listening on ${hub.url}`);
