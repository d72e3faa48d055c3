// `npm run backup -- --data <dir> --to <file>`: a consistent copy of a data folder (its store and
// its settings) in one file, taken while the inbox keeps working. Exit 0 with the copy checked,
// 1 when the copy does not check out, 2 on bad arguments or a folder that cannot be read.
import { parseArgs } from 'node:util';
import { backupDataFolder } from '../src/core/store/sql/backup';
import { systemClock } from '../src/core/time/clock';
import { describeResult, progressLine } from './backup-report';

const usage = 'Usage: npm run backup -- --data <data folder, e.g. .data/hub> --to <file> [--force]';

async function main(): Promise<number> {
  let values: { data?: string; to?: string; force?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string' },
        to: { type: 'string' },
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
  if (values.data == null || values.to == null) {
    console.error(`Say which data folder to copy and where to.\n${usage}`);
    return 2;
  }
  try {
    const result = await backupDataFolder(values.data, values.to, {
      clock: systemClock,
      overwrite: values.force ?? false,
      progress: progressLine('Copying'),
    });
    console.log(describeResult('Backup', result));
    return result.audit.intact ? 0 : 1;
  } catch (err) {
    console.error(`Backup failed: ${(err as Error).message}`);
    return 2;
  }
}

process.exitCode = await main();
