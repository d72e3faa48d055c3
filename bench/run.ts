import { report } from './figure';
import { storeBench } from './store-bench';
import { syncBench } from './sync-bench';

/** `npm run bench`: prints each figure against its budget, one JSON line per figure. */
const figures = [...(await syncBench()), ...(await storeBench())];
const ok = report(figures);
process.exitCode = ok ? 0 : 1;
