import { LATEST_GRAPH_VERSION } from './graph-versions';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { parseScenario } from './scenario';
import type { Scenario } from './scenario';
import { ScenarioIntegrityError } from './scenario-check';
import { startEmulator } from './server';

const USAGE = `Usage: npm run emulator -- [options]

Serves the X API v2 and the Facebook Graph API from a scenario file, for the demo and for tests.
  --port <n>          port to listen on (default 4010; 0 picks a free one)
  --host <address>    address to listen on (default 127.0.0.1)
  --scenario <file>   scenario JSON (default resources/demo-scenario.json)
  --no-shift          keep the scenario's dates as written (default: move them so the newest look recent)
  --generate <n>      add n generated mentions and comments (half each) by made-up people, for load
  --seed <n>          seed of the generated items (default 1): the same seed gives the same items
  --latency <ms>      hold each API answer this long, as the internet and the platforms do (default 0)
  --help              show this help`;

const DEFAULT_SCENARIO = fileURLToPath(
  new URL('../../resources/demo-scenario.json', import.meta.url),
);

/** A problem the user can fix: printed without a stack trace, exit code 1. */
class CliError extends Error {}

function parseFlags(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        scenario: { type: 'string' },
        'no-shift': { type: 'boolean' },
        generate: { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const portText = values.port ?? '4010';
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port > 65535)
    throw new CliError(`--port must be a number from 0 to 65535, not "${portText}"\n\n${USAGE}`);
  const generate = count('--generate', values.generate, 0, 1_000_000);
  const seed = count('--seed', values.seed, 1, Number.MAX_SAFE_INTEGER);
  const latencyMs = count('--latency', values.latency, 0, 60_000);
  return {
    latencyMs,
    help: values.help ?? false,
    generate,
    seed,
    port,
    host: values.host ?? '127.0.0.1',
    scenarioPath: resolve(values.scenario ?? DEFAULT_SCENARIO),
    shift: !(values['no-shift'] ?? false),
  };
}

function count(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n > max)
    throw new CliError(
      `${flag} must be a whole number from 0 to ${max}, not "${text}"\n\n${USAGE}`,
    );
  return n;
}

/** The scenario with `n` generated items, half X mentions and half Facebook comments. */
function withGenerated(scenario: Scenario, n: number, seed: number): Scenario {
  if (n === 0) return scenario;
  const mentions = scenario.x.accounts.length > 0 ? Math.ceil(n / 2) : 0;
  const comments = scenario.facebook.posts.length > 0 ? n - mentions : 0;
  return {
    ...scenario,
    synthetic: { x_mentions: mentions, facebook_comments: comments, seed },
  };
}

async function readScenario(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `Scenario file not found: ${path}`
        : `Cannot read ${path}: ${(err as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`Scenario file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    return parseScenario(json);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const issues = err.issues.map(
      (i) => `  - ${i.path.map(String).join('.') || '(root)'}: ${i.message}`,
    );
    throw new CliError(
      `Scenario file ${path} does not fit the scenario format:\n${issues.join('\n')}`,
    );
  }
}

function describeShift(ms: number): string {
  const hours = Math.round(Math.abs(ms) / 3_600_000);
  const days = Math.floor(hours / 24);
  const span = days > 0 ? `${days} d ${hours % 24} h` : `${hours} h`;
  return `${ms >= 0 ? 'forward' : 'back'} by ${span}`;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const scenario = withGenerated(
    await readScenario(flags.scenarioPath),
    flags.generate,
    flags.seed,
  );
  let emulator;
  try {
    emulator = await startEmulator({
      scenario,
      port: flags.port,
      host: flags.host,
      shiftToNow: flags.shift,
      latencyMs: flags.latencyMs,
    });
  } catch (err) {
    if (err instanceof ScenarioIntegrityError)
      throw new CliError(`${flags.scenarioPath}: ${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
      throw new CliError(`Cannot listen on ${flags.host}:${flags.port}: ${(err as Error).message}`);
    throw err;
  }
  const served = emulator.scenario;
  const nowMs = Date.now();
  const later = [
    ...served.x.tweets.map((t) => t.created_at),
    ...served.facebook.posts.map((p) => p.created_time),
    ...served.facebook.comments.map((c) => c.created_time),
  ].filter((d) => Date.parse(d) > nowMs);
  const lines = [
    `Social Inbox platform emulator · scenario "${served.name}" (${served.x.tweets.length} tweets, ${served.facebook.comments.length} comments)`,
    `  X API v2    ${emulator.xBaseUrl}       stands for https://api.x.com (e.g. ${emulator.xBaseUrl}/2/users/me)`,
    `  Graph API   ${emulator.graphBaseUrl}   stands for https://graph.facebook.com (e.g. ${emulator.graphBaseUrl}/${LATEST_GRAPH_VERSION}/me)`,
    `  X web       ${emulator.xWebBaseUrl}   stands for https://x.com (OAuth consent: ${emulator.xWebBaseUrl}/i/oauth2/authorize)`,
    `  FB web      ${emulator.facebookWebBaseUrl}   stands for https://www.facebook.com (login dialog: ${emulator.facebookWebBaseUrl}/${LATEST_GRAPH_VERSION}/dialog/oauth)`,
    ...served.x.accounts.map((a) => {
      const user = served.x.users.find((u) => u.id === a.user_id);
      return `  X account   @${user?.username ?? '?'} (user id ${a.user_id})`;
    }),
    ...served.facebook.pages.map((p) => `  Page        ${p.name} (page id ${p.id})`),
    // Client ids and app ids are public; secrets are never printed.
    ...served.x.apps.map(
      (a) =>
        `  X app       ${a.name} (client id ${a.client_id}, ${a.client_secret ? 'confidential' : 'public'} client)`,
    ),
    ...(served.facebook.app_id
      ? [`  FB app      ${served.facebook.app_name ?? ''} (app id ${served.facebook.app_id})`]
      : []),
    ...served.facebook.admins.map(
      (a) => `  Page admin  ${a.name} (user id ${a.id}, ${a.page_ids.length} Pages)`,
    ),
    flags.shift
      ? `  Dates moved ${describeShift(Date.parse(served.anchor) - Date.parse(scenario.anchor))}; ${later.length} items dated after now will appear when their time comes.`
      : '  Dates served as written.',
    'Stop with Ctrl+C.',
  ];
  console.log(lines.join('\n'));

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Error while closing: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof CliError) console.error(err.message);
  else console.error(`The emulator could not start: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
