import { afterAll, beforeAll, beforeEach } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { ANCHOR, oauthScenario } from './test-scenario';

/** The OAuth scenario's emulator of a spec file, and the time it reads (ms since the epoch). */
export interface OAuthTestEmulator {
  readonly emulator: Emulator;
  clock: number;
}

/**
 * Starts the OAuth scenario's emulator for the spec file that calls this, closed after its tests.
 * The emulator reads `clock`, which moves on by `step` ms before each test, so that the tokens and
 * codes of earlier tests are far behind.
 */
export function oauthTestEmulator(step: number): OAuthTestEmulator {
  let started: Emulator | null = null;
  const env = {
    get emulator(): Emulator {
      if (!started) throw new Error('The emulator is started before the first test');
      return started;
    },
    clock: Date.parse(ANCHOR),
  };
  beforeAll(async () => {
    started = await startEmulator({
      scenario: parseScenario(oauthScenario()),
      now: () => env.clock,
    });
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    env.clock += step;
  });
  return env;
}
