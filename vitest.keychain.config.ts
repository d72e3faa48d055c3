import { defineConfig } from 'vitest/config';

/** Keychain tests: run inside scripts/with-keyring.sh, against a real Secret Service. */
export default defineConfig({
  test: {
    include: ['src/**/*.keychain.spec.ts', 'electron/**/*.keychain.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // One Secret Service for all: a test that locks it must not run beside one that writes to it.
    fileParallelism: false,
  },
});
