// `npm test`: every check in turn (typecheck, lint, unit + integration, e2e), then one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How far ahead the second run of the suite moves the system date: more than a year. */
const YEAR_AHEAD = '+400 days';

const reports = mkdtempSync(join(tmpdir(), 'inbox-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(name, command, args) {
  const { ok, seconds } = run(name, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
}

function suite(name, command, args, reportFile, count, env) {
  const { ok, seconds } = run(name, command, args, env);
  let counts;
  try {
    counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (!ok && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(totals)) totals[k] += counts[k];
  lines.push(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
  );
  // The summary is the part of a long log that is read: it names what failed, and why in a line.
  for (const failure of counts.failures ?? []) lines.push(`  ✗ ${failure}`);
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
check('electron security lint', 'npm', ['run', '--silent', 'lint:electron']);
// The desktop app's bundles (main, preload, renderer): a spec runs the crisis worker from it.
check('desktop build', 'npx', ['electron-vite', 'build']);
// The hub's bundle (out/hub): specs start the hub from it and run its workers.
check('hub build', 'npm', ['run', '--silent', 'build:hub']);

const vitestCounts = (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
  failures: r.testResults.flatMap((file) => [
    ...(file.status === 'failed' && file.assertionResults.length === 0
      ? [`${relative(process.cwd(), file.name)}: ${firstLine(file.message)}`]
      : []),
    ...file.assertionResults
      .filter((t) => t.status === 'failed')
      .map(
        (t) =>
          `${relative(process.cwd(), file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`,
      ),
  ]),
});
/** The first line of a failure message, without colour codes, cut to fit a summary line. */
const firstLine = (message = '') =>
  message
    .replaceAll(String.fromCharCode(27), '')
    .replace(/\[[0-9;]*m/g, '')
    .split('\n')[0]
    .slice(0, 240);
const vitestArgs = (report) => [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

const vitestReport = join(reports, 'vitest.json');
suite(
  'unit + integration',
  'npx',
  ['vitest', ...vitestArgs(vitestReport)],
  vitestReport,
  vitestCounts,
);

// The same suite with the system date a year ahead (Debian's faketime), so no test leans on
// today's date; on a second Node version when TEST_ALSO_ON_NODE names its binary (CI: Node 24).
const otherNode = process.env.TEST_ALSO_ON_NODE || null;
const nodeName = otherNode
  ? spawnSync(otherNode, ['--version'], { encoding: 'utf8' }).stdout.trim() || otherNode
  : process.version;
if (spawnSync('faketime', ['--version']).error) {
  lines.push(
    'unit + integration a year ahead: not run (install faketime: apt-get install faketime)',
  );
} else {
  const aheadReport = join(reports, 'vitest-ahead.json');
  suite(
    `unit + integration a year ahead, Node ${nodeName}`,
    'faketime',
    [
      YEAR_AHEAD,
      otherNode ?? process.execPath,
      fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url)),
      ...vitestArgs(aheadReport),
    ],
    aheadReport,
    vitestCounts,
    otherNode ? { PATH: `${dirname(otherNode)}:${process.env.PATH}` } : {},
  );
}

const keychainReport = join(reports, 'keychain.json');
suite(
  'keychain (real Secret Service)',
  'bash',
  [
    'scripts/with-keyring.sh',
    'npx',
    'vitest',
    'run',
    '--config',
    'vitest.keychain.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${keychainReport}`,
  ],
  keychainReport,
  vitestCounts,
);

// The storage port's conformance suite and the hub on a real PostgreSQL: a throwaway cluster made
// by Debian's pg_virtualenv (package postgresql), which sets the PG* variables the tests read.
if (spawnSync('pg_virtualenv', ['-h']).error) {
  totals.failed += 1;
  lines.push('PostgreSQL: FAILED, not run (install postgresql: apt-get install postgresql)');
} else {
  const postgresReport = join(reports, 'postgres.json');
  suite(
    'PostgreSQL (pg_virtualenv)',
    'pg_virtualenv',
    [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.postgres.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${postgresReport}`,
    ],
    postgresReport,
    vitestCounts,
  );
}

check('build web UI', 'npm', ['run', '--silent', 'build:web']);

const e2eReport = join(reports, 'playwright.json');
suite(
  'e2e',
  'npx',
  ['playwright', 'test', '--reporter=list,json'],
  e2eReport,
  (r) => {
    // Say why tests were skipped (the Electron launch spec without an Electron binary).
    const reasons = new Set();
    const failures = [];
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status === 'unexpected') {
            const error = t.results?.at(-1)?.error?.message;
            failures.push(`${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
          }
          for (const a of t.annotations ?? []) {
            if (a.type === 'skip' && a.description) reasons.add(a.description);
          }
        }
      }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of r.suites ?? []) walk(suite);
    for (const reason of reasons) lines.push(`e2e skipped: ${reason}`);
    return {
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected,
      skipped: r.stats.skipped,
      failures,
    };
  },
  { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
);

rmSync(reports, { recursive: true, force: true });
console.log('\n=== Summary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
