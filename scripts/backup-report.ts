import type { BackupResult } from '../src/core/store/sql/backup';

/** What a backup or a restore says when it is done. */
export function describeResult(what: string, result: BackupResult): string {
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
