// `npm run hub`: the team hub from its bundle (out/hub/cli.mjs), built first when the sources
// changed since; the arguments are the hub's own (`npm run hub -- --help`).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildHub } from './build-hub.mjs';
import { hubBuildIsCurrent, root } from './setup.mjs';

if (!hubBuildIsCurrent()) {
  console.log('> Building the hub (out/hub)');
  await buildHub();
}
await import(pathToFileURL(join(root, 'out/hub/cli.mjs')).href);
