import { report } from './figure';
import { sqlStoreBench } from './sql-store-bench';

/** The SQL store figures alone: `node --import tsx bench/sql-store-run.ts [N]`. */
const n = Number(process.argv[2] ?? 100_000);
process.exitCode = report(await sqlStoreBench(n)) ? 0 : 1;
