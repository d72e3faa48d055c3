import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FaultyFileSystem } from '../../core/test/faulty-file-system';
import type { WriteOp } from '../../core/test/faulty-file-system';
import { parseHubConfig } from '../config';
import { closeOnSignals, runHub } from '../run-hub';

// A hub for storage-fault tests, started like `npm run hub` (same flags) but writing through a
// file system that fails on demand: while the file named by SOCIAL_INBOX_TEST_FAULT_FILE exists,
// writes fail with the errno it holds (`ENOSPC`), optionally only for one file and one operation
// (`EIO audit-head.json rename`). Only this test entry reads that variable; the hub's CLI does not.
const control = process.env.SOCIAL_INBOX_TEST_FAULT_FILE;
const fileSystem = new FaultyFileSystem();
fileSystem.fault = (op: WriteOp, path: string) => {
  if (control == null || !existsSync(control)) return null;
  const [code, file, only] = readFileSync(control, 'utf8').trim().split(/\s+/);
  if (!code || (file && basename(path) !== file) || (only && op !== only)) return null;
  return { code };
};

const { config } = parseHubConfig(process.argv.slice(2), {});
const hub = await runHub(config, { fileSystem });
closeOnSignals(hub.close);
hub.service.startSync();
console.log(`listening on ${hub.url}`);
