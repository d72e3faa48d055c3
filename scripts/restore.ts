// `npm run restore -- --from <file> --data <dir>`: brings a backup back into a data folder that no
// inbox has open. The copy is checked before anything is replaced. Exit 0 when restored, 1 when
// the backup does not check out, 2 on bad arguments or a folder that cannot be written.
import { parseArgs } from 'node:util';
import { restoreDataFolder } from '../src/core/store/sql/backup';
import { systemClock } from '../src/core/time/clock';
import { describeResult } from './backup-report';

const usage =
  'Usage: npm run restore -- --from <backup file> --data <data folder> [--force]\n' +
  'Stop the app or hub using the folder first; --force replaces the store it has.';

async function main(): Promise<number> {
  let values: { from?: string; data?: string; force?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        data: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.from == null || values.data == null) {
    console.error(`Say which backup to restore and into which data folder.\n${usage}`);
    return 2;
  }
  try {
    const result = await restoreDataFolder(values.from, values.data, {
      clock: systemClock,
      overwrite: values.force ?? false,
    });
    console.log(describeResult('Restored', result));
    return result.audit.intact ? 0 : 1;
  } catch (err) {
    console.error(`Restore failed: ${(err as Error).message}`);
    return 2;
  }
}

process.exitCode = await main();
