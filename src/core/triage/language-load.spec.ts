import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const MB = 1024 * 1024;

/**
 * A fresh Node imports what a hub and the desktop app start from, then detects one post's
 * language. The detector's data is some 150 MB of memory: if anything imported at start had loaded
 * it, the first detection would add next to nothing.
 */
const probe = `
const rss = () => { globalThis.gc(); return process.memoryUsage().rss; };
await import('./src/hub/run-hub.ts');
await import('./src/core/service.ts');
const { languageOf } = await import('./src/core/triage/language.ts');
const tagged = await languageOf('Ik wacht al drie weken op mijn bestelling', 'nl');
const atStart = rss();
const detected = await languageOf('Bonjour, je voudrais savoir pourquoi ma carte ne marche plus.');
console.log(JSON.stringify({ tagged, detected, atStart, afterDetection: rss() }));
`;

describe('language detection', () => {
  it('is not loaded when the service and the hub are imported, only when a post needs it', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', probe],
      { cwd: root },
    );
    const seen = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      tagged: string;
      detected: string;
      atStart: number;
      afterDetection: number;
    };
    expect(seen.tagged).toBe('nl');
    expect(seen.detected).toBe('fr');
    expect((seen.afterDetection - seen.atStart) / MB).toBeGreaterThan(100);
  });
});
