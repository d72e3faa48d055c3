// `npm run restore -- --from <file> --data <dir>`: brings a backup back into a data folder that no
// inbox has open. The copy is checked before anything is replaced. Exit 0 when restored, 1 when
// the backup does not check out, 2 on bad arguments or a folder that cannot be written.
import { restoreDataFolder } from '../src/core/store/sql/backup';
import { systemClock } from '../src/core/time/clock';
import { runStoreCommand } from './store-command';

process.exitCode = await runStoreCommand({
  what: 'Restore',
  usage:
    'Usage: npm run restore -- --from <backup file> --data <data folder> [--force]\n' +
    'Stop the app or hub using the folder first; --force replaces the store it has.',
  required: ['from', 'data'],
  missing: 'Say which backup to restore and into which data folder.',
  run: ({ from, data, force }) =>
    restoreDataFolder(from, data, { clock: systemClock, overwrite: force }),
  done: 'Restored',
});
