import { chmodSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { missingTestTools, reportTestTools, uiBuildIsCurrent } from './setup.mjs';

const dir = mkdtempSync(join(tmpdir(), 'setup-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

describe('the test tools setup looks for', () => {
  it('finds executables on PATH and Chromium where the e2e looks for it', () => {
    const chromium = file('chromium', 0o755);
    file('gnome-keyring-daemon', 0o755);
    file('dbus-send', 0o755);
    file('dbus-run-session', 0o644); // not executable: does not count
    const env = { PATH: `${join(dir, 'nothing-here')}:${dir}`, CHROMIUM_PATH: chromium };

    expect(missingTestTools(env).map((tool) => tool.package)).toEqual([
      'dbus-x11',
      'libsecret-tools',
      'faketime',
      'postgresql',
    ]);
    expect(missingTestTools({ ...env, CHROMIUM_PATH: join(dir, 'no-chromium') })[0]).toEqual(
      expect.objectContaining({ package: 'chromium' }),
    );
  });

  it('names each Debian package once in the command to run', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      reportTestTools(missingTestTools({ PATH: '', CHROMIUM_PATH: join(dir, 'no-chromium') }));
      const said = log.mock.calls.map((call) => String(call[0])).join('\n');
      expect(said).toContain(
        'Install with: sudo apt-get install chromium gnome-keyring dbus-x11 libsecret-tools faketime postgresql',
      );
      expect(said).toContain('secret-tool (keychain tests)');
    } finally {
      log.mockRestore();
    }
  });
});

describe('whether the web UI must be built again', () => {
  const at = (path: string, seconds: number) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'x');
    utimesSync(path, seconds, seconds);
  };

  it('builds when out/web is missing or older than a source file, and not when it is current', () => {
    const base = mkdtempSync(join(dir, 'ui-'));
    at(join(base, 'src/renderer/App.svelte'), 1_000);
    at(join(base, 'src/shared/model.ts'), 1_000);
    at(join(base, 'package-lock.json'), 1_000);
    expect(uiBuildIsCurrent(base)).toBe(false);

    at(join(base, 'out/web/index.html'), 2_000);
    for (const folder of ['src/renderer', 'src/shared', 'src'])
      utimesSync(join(base, folder), 1_000, 1_000);
    expect(uiBuildIsCurrent(base)).toBe(true);

    at(join(base, 'src/shared/model.ts'), 3_000);
    expect(uiBuildIsCurrent(base)).toBe(false);
  });
});
