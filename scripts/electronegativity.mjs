// `npm run lint:electron`: Electronegativity, the Electron security linter, over the main process
// (electron/), the UI (src/renderer/) and package.json, offline. Fails on every HIGH or MEDIUM
// finding that electronegativity.config.json does not justify, on a justification that matches no
// such finding (stale), and on a file the linter could not parse.
// It reads .js/.ts/.html only: the .svelte components are not analysed (the summary counts them).
// `--verbose` also lists the justified and the LOW/informational findings.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = 'electronegativity.config.json';
/** What is scanned, from the repo root; package.json adds the Electron version and its checks. */
const TARGETS = ['electron', 'src/renderer', 'package.json'];
const FAILING = new Set(['HIGH', 'MEDIUM']);
const verbose = process.argv.includes('--verbose');

function fail(message) {
  console.error(`lint:electron: ${message}`);
  process.exit(1);
}

/**
 * electronegativity.config.json. `justified`: findings accepted, as {check, file, reason}: check is
 * the finding's ID, file its path from the repo root (all its lines). `excludedChecks`: checks not
 * run, as {check, reason}: check is the tool's class name (e.g. CSPGlobalCheck), not the ID.
 */
function readConfig() {
  let config;
  try {
    config = JSON.parse(readFileSync(join(root, CONFIG), 'utf8'));
  } catch (err) {
    fail(`cannot read ${CONFIG}: ${err.message}`);
  }
  const entries = (key, fields) => {
    const list = config[key] ?? [];
    if (!Array.isArray(list)) fail(`${CONFIG}: "${key}" must be a list`);
    for (const [i, entry] of list.entries()) {
      const keys = Object.keys(entry ?? {});
      const bad =
        keys.length !== fields.length ||
        !fields.every((f) => typeof entry[f] === 'string' && entry[f].trim() !== '');
      if (bad) fail(`${CONFIG}: ${key}[${i}] must have exactly ${fields.join(', ')} (non-empty)`);
    }
    return list;
  };
  const unknown = Object.keys(config).filter((k) => !['excludedChecks', 'justified'].includes(k));
  if (unknown.length > 0) fail(`${CONFIG}: unknown key(s) ${unknown.join(', ')}`);
  const justified = entries('justified', ['check', 'file', 'reason']);
  const seen = new Set();
  for (const { check, file } of justified) {
    if (seen.has(`${check} ${file}`)) fail(`${CONFIG}: ${check} in ${file} is justified twice`);
    seen.add(`${check} ${file}`);
  }
  return { excludedChecks: entries('excludedChecks', ['check', 'reason']), justified };
}

/** The Electron version the app ships with, as npm installed it (the lockfile is the record). */
function electronVersion() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const version = lock.packages?.['node_modules/electron']?.version;
  if (!version) fail('no electron entry in package-lock.json');
  return version;
}

function countFiles(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter(
    (e) => e.isFile() && e.name.endsWith(suffix),
  ).length;
}

/**
 * Loads Electronegativity's runner without network access. At start-up it asks an S3 bucket for
 * updated translations (its bundled English ones are used when that fails), and its
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list; both go through `got`,
 * which is replaced by a function that refuses at once. No request leaves the machine, and no
 * seconds go by waiting for retries to time out.
 */
function loadOfflineRunner() {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const toolRequire = createRequire(runnerPath);
  const gotPath = toolRequire.resolve('got');
  const offline = new Module(gotPath);
  offline.filename = gotPath;
  offline.loaded = true;
  offline.exports = () => Promise.reject(new Error('network access is disabled in lint:electron'));
  require.cache[gotPath] = offline;
  return toolRequire(runnerPath);
}

const config = readConfig();
const run = loadOfflineRunner();

// One scan over all the targets, so the global checks (CSP, navigation limits, permission
// handlers) see the whole app: a tree of links to them in a temp dir. A failed run leaves its
// findings there as JSON.
const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const scanRoot = join(work, 'scan');
const report = join(work, 'findings.json');
const links = TARGETS.map((target) => join(scanRoot, ...target.split('/')));
for (const [i, target] of TARGETS.entries()) {
  mkdirSync(dirname(links[i]), { recursive: true });
  const source = join(root, target);
  symlinkSync(source, links[i], statSync(source).isDirectory() ? 'junction' : 'file');
}
/** Removes the links first, so nothing can reach through them into the repo. */
function cleanUp({ keepReport = false } = {}) {
  for (const link of links) if (existsSync(link)) unlinkSync(link);
  rmSync(keepReport ? scanRoot : work, { recursive: true, force: true });
}

let result;
const log = console.log;
console.log = (...args) => {
  // Said on every run once the translation request above is refused; nothing to act on.
  if (args[0] === 'Could not retrieve updated translations for the current locale') return;
  log(...args);
};
try {
  result = await run({
    // No `output`: the tool writes that file without waiting for it; the report below is ours.
    input: scanRoot,
    isRelative: true,
    customScan: [],
    excludeFromScan: config.excludedChecks.map((e) => e.check),
    electronVersionOverride: electronVersion(),
    parserPlugins: [],
  });
} catch (err) {
  cleanUp();
  fail(`Electronegativity failed: ${err.stack ?? err}`);
} finally {
  console.log = log;
}

const posix = (file) => file.split(sep).join('/');
const findings = result.issues.map((issue) => ({
  check: issue.id,
  file: posix(issue.file),
  line: issue.location.line,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
}));
const failing = findings.filter((f) => FAILING.has(f.severity));
const others = findings.filter((f) => !FAILING.has(f.severity));
const justifies = (j, f) => j.check === f.check && j.file === f.file;
const unjustified = failing.filter((f) => !config.justified.some((j) => justifies(j, f)));
const justified = failing.filter((f) => !unjustified.includes(f));
const stale = config.justified.filter((j) => !failing.some((f) => justifies(j, f)));
const unparsed = result.errors
  .filter((e) => !e.tolerable)
  .map((e) => ({ file: posix(relative(scanRoot, e.file)), message: e.message }));

const where = (f) => `${f.file}:${f.line}`;
const show = (f) => `  ${f.check} (${f.severity}, ${f.confidence}) ${where(f)}: ${f.description}`;
if (unjustified.length > 0) {
  console.log(`Findings not justified in ${CONFIG}:`);
  unjustified.forEach((f) => console.log(show(f)));
}
if (stale.length > 0) {
  console.log(`Justifications in ${CONFIG} that match no HIGH/MEDIUM finding (remove them):`);
  stale.forEach((j) => console.log(`  ${j.check} in ${j.file}`));
}
if (unparsed.length > 0) {
  console.log('Files Electronegativity could not parse (not analysed):');
  unparsed.forEach((e) => console.log(`  ${e.file}: ${e.message}`));
}
if (verbose) {
  justified.forEach((f) => console.log(`justified: ${f.check} ${where(f)}`));
  others.forEach((f) => console.log(`${f.severity.toLowerCase()}: ${show(f).trim()}`));
}

const ok = unjustified.length === 0 && stale.length === 0 && unparsed.length === 0;
if (ok) {
  cleanUp();
} else {
  const justification = (f) => config.justified.find((j) => justifies(j, f))?.reason ?? null;
  const all = findings.map((f) => ({ ...f, justification: justification(f) }));
  writeFileSync(report, JSON.stringify({ findings: all, stale, unparsed }, null, 2));
  cleanUp({ keepReport: true });
  console.log(`All findings: ${report}`);
}

const svelte = countFiles(join(root, 'src/renderer'), '.svelte');
const checks = result.atomicChecks + result.globalChecks;
console.log(
  `electronegativity: ${ok ? 'ok' : 'FAILED'}: ${checks} checks over ${TARGETS.join(', ')} ` +
    `(${svelte} .svelte files not analysed); ` +
    `${unjustified.length} unjustified HIGH/MEDIUM, ${justified.length} justified, ` +
    `${stale.length} stale justifications, ${others.length} LOW/informational` +
    (unparsed.length > 0 ? `, ${unparsed.length} files not parsed` : ''),
);
process.exit(ok ? 0 : 1);
