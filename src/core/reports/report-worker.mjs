// Worker entry: threads do not inherit the TypeScript loader, so register it, then run the worker.
import { register } from 'tsx/esm/api';

register();
await import('./report-worker.ts');
