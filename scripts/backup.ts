// `npm run backup -- --data <dir> --to <file>`: a consistent copy of a data folder (its store and
// its settings) in one file, taken while the inbox keeps working. Exit 0 with the copy checked,
// 1 when the copy does not check out, 2 on bad arguments or a folder that cannot be read.
import { backupDataFolder } from '../src/core/store/sql/backup';
import { systemClock } from '../src/core/time/clock';
import { progressLine, runStoreCommand } from './store-command';

process.exitCode = await runStoreCommand({
  what: 'Backup',
  usage: 'Usage: npm run backup -- --data <data folder, e.g. .data/hub> --to <file> [--force]',
  required: ['data', 'to'],
  missing: 'Say which data folder to copy and where to.',
  run: ({ data, to, force }) =>
    backupDataFolder(data, to, {
      clock: systemClock,
      overwrite: force,
      progress: progressLine('Copying'),
    }),
  done: 'Backup',
});
