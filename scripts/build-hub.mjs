// `npm run build:hub`: the hub, the demo and their worker threads bundled into out/hub, our code
// compiled once instead of by tsx at every start (and again in every thread). The dependencies stay
// in node_modules. The workers sit beside the entries under the names their runners look for
// (list-worker.mjs, report-worker.mjs, cluster-worker.mjs), as in the desktop build.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The bundle's entries: the hub's command, the demo's, and the threads they start. */
export const HUB_ENTRIES = {
  cli: 'src/hub/cli.ts',
  demo: 'src/hub/demo.ts',
  'list-worker': 'src/core/store/sql/list-worker.ts',
  'report-worker': 'src/core/reports/report-worker.ts',
  'cluster-worker': 'src/core/reports/cluster-worker.ts',
};

/** What the bundle is built from: a change to any of them calls for a new build. */
export const HUB_INPUTS = [
  'src/hub',
  'src/core',
  'src/shared',
  'src/emulator',
  'scripts/build-hub.mjs',
  'package.json',
  'package-lock.json',
];

/**
 * The bench's hub (`--bench`, into out/bench): the same entries with bench/hub-probe.ts loaded
 * before the hub's command, in one bundle so that the probe times the hub's own classes, and the
 * memory bench's hub (bench/start-rss.ts).
 */
export const BENCH_ENTRIES = Object.fromEntries(
  Object.entries({
    ...HUB_ENTRIES,
    cli: 'bench/probed-hub.ts',
    'start-rss': 'bench/start-rss.ts',
  }).filter(([name]) => name !== 'demo'),
);

/** Builds the bundle of `entries` into `outDir` (the hub's, into out/hub, by default). */
export async function buildHub(outDir = join(root, 'out/hub'), entries = HUB_ENTRIES) {
  // Imported here: setup reads HUB_INPUTS before the dependencies may be installed.
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => [name, join(root, file)]),
    ),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--bench')) await buildHub(join(root, 'out/bench'), BENCH_ENTRIES);
  else await buildHub();
}
