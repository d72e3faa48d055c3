// Where the Electron executable is, or null when only the npm package is installed (as with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1). Found the way the electron package finds it, without
// require('electron'), which would try to download it. Used by `npm start` and the launch test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} root the repository root @returns {string | null} */
export function electronBinary(root) {
  if (process.env.ELECTRON_EXEC_PATH) {
    return existsSync(process.env.ELECTRON_EXEC_PATH) ? process.env.ELECTRON_EXEC_PATH : null;
  }
  const pkg = join(root, 'node_modules', 'electron');
  let name = null;
  try {
    name = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    name = null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, name || 'electron')
    : name
      ? join(pkg, 'dist', name)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
