import { parseArgs } from 'node:util';
import { databaseName, isPostgresUrl, redact } from '../src/core/store/pg/pg-client';
import type { MoveProgress, MoveResult } from '../src/core/store/move/move-tables';
import { verdictText } from '../src/core/store/move/move-tables';

export interface MoveFlags {
  from: string;
  to: string;
  caFile: string | null;
  settings: string | null;
  replace: boolean;
}

/**
 * Runs `migrate` or `export` with its flags: `--help` prints the usage, a missing or wrong flag
 * exits 2 with it, a failure exits 2 with its reason (a copy that did not check out included),
 * and the database's password is never printed (it is named `host:port/name`). Exit 0 when done.
 */
export async function runMoveCommand(spec: {
  what: string;
  usage: string;
  /** Which of --from and --to names the database. */
  database: 'from' | 'to';
  /** Whether `--settings` is understood. */
  settings: boolean;
  run: (flags: MoveFlags, onProgress: (p: MoveProgress) => void) => Promise<MoveResult>;
}): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'database-ca': { type: 'string' },
        ...(spec.settings ? { settings: { type: 'string' as const } } : {}),
        replace: { type: 'boolean' },
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
  const from = typeof values.from === 'string' ? values.from : null;
  const to = typeof values.to === 'string' ? values.to : null;
  if (from == null || to == null) {
    console.error(`Say where from (--from) and where to (--to).\n${spec.usage}`);
    return 2;
  }
  const url = spec.database === 'from' ? from : to;
  const folder = spec.database === 'from' ? to : from;
  if (!isPostgresUrl(url)) {
    console.error(
      `--${spec.database} must be a PostgreSQL URL (postgres://user@host:port/name).\n${spec.usage}`,
    );
    return 2;
  }
  if (isPostgresUrl(folder)) {
    console.error(
      `--${spec.database === 'from' ? 'to' : 'from'} must be a data folder.\n${spec.usage}`,
    );
    return 2;
  }
  const name = databaseName(url);
  console.log(
    spec.database === 'to'
      ? `Moving ${folder} into the database ${name}`
      : `Exporting the database ${name} into ${folder}`,
  );
  try {
    const result = await spec.run(
      {
        from,
        to,
        caFile: (values['database-ca'] as string | undefined) ?? null,
        settings: (values.settings as string | undefined) ?? null,
        replace: values.replace === true,
      },
      (p) =>
        console.log(
          p.phase === 'copy'
            ? `  ${p.table}: ${p.done} of ${p.total}`
            : p.phase === 'index'
              ? '  indexing: the kept counts and the indexes, built from the rows'
              : '  checking: counts per table, audit head, verify',
        ),
    );
    const rows = Object.entries(result.counts)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    console.log(
      `${spec.what}: checked (${rows || 'no rows'}; audit trail ${verdictText(result.audit)}, head ${result.head?.seq ?? 0}).`,
    );
    return 0;
  } catch (err) {
    console.error(`${spec.what} failed: ${redact((err as Error).message ?? String(err), url)}`);
    return 2;
  }
}
