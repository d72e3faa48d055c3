import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'electron/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    // Keychain tests need a Secret Service: `npm run test:keychain` runs them inside one.
    exclude: ['**/node_modules/**', '**/*.keychain.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
