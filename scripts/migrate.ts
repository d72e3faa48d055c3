// `npm run migrate -- --from <data folder> --to postgres://…`: moves an embedded inbox (its store
// and its settings document) into a PostgreSQL database, checked before it is kept. Exit 0 when
// moved, 2 on bad arguments, a database that already holds an inbox, or a copy that did not match.
import { moveToPostgres } from '../src/core/store/move/to-postgres';
import { systemClock } from '../src/core/time/clock';
import { runMoveCommand } from './move-command';

process.exitCode = await runMoveCommand({
  what: 'Moved',
  usage:
    'Usage: npm run migrate -- --from <data folder> --to postgres://user@host:port/name [--database-ca <file>] [--replace]\n' +
    'Keep the password out of the command line (PGPASSWORD or ~/.pgpass); --replace empties a database that already holds an inbox.',
  database: 'to',
  settings: false,
  run: ({ from, to, caFile, replace }, onProgress) =>
    moveToPostgres(from, to, { clock: systemClock, caFile, replace, onProgress }),
});
