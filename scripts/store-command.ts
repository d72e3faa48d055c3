import { parseArgs } from 'node:util';
import type { BackupResult } from '../src/core/store/sql/backup';

/**
 * Runs a store command (backup, restore) with its flags: `--help` prints the usage, a missing or
 * unknown flag exits 2 with it, a result whose trail does not check out exits 1, a failure exits 2.
 */
export async function runStoreCommand<K extends string>(spec: {
  what: string;
  usage: string;
  /** The string flags the command needs, and what to say when one is missing. */
  required: readonly K[];
  missing: string;
  run: (flags: Record<K, string> & { force: boolean }) => Promise<BackupResult>;
  done: string;
}): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        ...Object.fromEntries(spec.required.map((k) => [k, { type: 'string' as const }])),
        force: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${spec.usage}`);
    return 2;
  }
  if (values.help) {
    console.log(spec.usage);
    return 0;
  }
  if (spec.required.some((k) => typeof values[k] !== 'string')) {
    console.error(`${spec.missing}\n${spec.usage}`);
    return 2;
  }
  try {
    const result = await spec.run({
      ...(values as Record<K, string>),
      force: values.force === true,
    });
    console.log(describeResult(spec.done, result));
    return result.audit.intact ? 0 : 1;
  } catch (err) {
    console.error(`${spec.what} failed: ${(err as Error).message}`);
    return 2;
  }
}

/** What a backup or a restore says when it is done. */
function describeResult(what: string, result: BackupResult): string {
  const size = `${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
  const audit = result.audit.intact
    ? `audit trail intact (${result.audit.entries} entries)`
    : `audit trail BROKEN at entry ${result.audit.brokenAt}: ${result.audit.reason}`;
  return `${what}: ${result.file} (${size}), ${result.conversations} conversations, ${audit}.`;
}

/** Progress on one line of a terminal (nothing when the output is not one). */
export function progressLine(label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (!process.stderr.isTTY || total === 0) return;
    process.stderr.write(`\r${label}: ${Math.round((done / total) * 100)}%`);
    if (done >= total) process.stderr.write('\n');
  };
}
