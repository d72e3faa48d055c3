// `npm run export -- --from postgres://… --to <data folder>`: writes a data folder the app and the
// hub open from a PostgreSQL database, checked before it is put in place. Exit 0 when exported,
// 2 on bad arguments, a folder that already holds an inbox, or a copy that did not match.
import { exportFromPostgres, readSettings } from '../src/core/store/move/from-postgres';
import { systemClock } from '../src/core/time/clock';
import { runMoveCommand } from './move-command';

process.exitCode = await runMoveCommand({
  what: 'Exported',
  usage:
    'Usage: npm run export -- --from postgres://user@host:port/name --to <data folder> [--settings <a hub data folder>] [--database-ca <file>] [--replace]\n' +
    "The settings document comes from --settings (a hub data folder or its workspace.json), else from the database when it keeps one; --replace overwrites the folder's inbox (stop it first).",
  database: 'from',
  settings: true,
  run: async ({ from, to, caFile, replace, settings }, onProgress) =>
    exportFromPostgres(from, to, {
      clock: systemClock,
      caFile,
      replace,
      onProgress,
      settings: settings == null ? null : await readSettings(settings),
    }),
});
