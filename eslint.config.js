// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Layer arrows (see README, Architecture): each entry forbids the imports that would point outwards. */
const layer = (/** @type {string[]} */ forbidden, /** @type {string} */ why) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: forbidden, message: `Layer rule: ${why}` }] },
  ],
});
const ours = ['**/core/**', '**/core', '**/hub/**', '**/renderer/**', '**/emulator/**'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['*.config.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, svelteConfig, extraFileExtensions: ['.svelte'] },
    },
    rules: { 'svelte/no-at-html-tags': 'error' },
  },
  {
    files: ['src/shared/**'],
    ignores: ['src/shared/**/*.spec.ts'],
    rules: layer(
      [...ours, '**/electron/**', 'electron', 'node:*'],
      'src/shared imports nothing of ours and no Node API.',
    ),
  },
  {
    // Its specs run in Node and may stand up a loopback server; still nothing of ours.
    files: ['src/shared/**/*.spec.ts'],
    rules: layer(
      [...ours, '**/electron/**', 'electron'],
      'src/shared specs import only src/shared.',
    ),
  },
  {
    files: ['src/core/**'],
    ignores: ['src/core/**/*.spec.ts', 'src/core/test/**'],
    rules: layer(
      ['**/hub/**', '**/renderer/**', '**/emulator/**', '**/electron/**', 'electron'],
      'src/core imports only src/shared.',
    ),
  },
  {
    files: ['src/core/**/*.spec.ts', 'src/core/test/**'],
    rules: layer(
      ['**/hub/**', '**/renderer/**', '**/electron/**', 'electron'],
      'core tests may use the emulator, never a host.',
    ),
  },
  {
    files: ['src/renderer/**'],
    // Specs run in Node and may start servers; UI code may not reach Node or other layers.
    ignores: ['src/renderer/**/*.spec.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(
      [...ours.filter((p) => !p.includes('renderer')), '**/electron/**', 'electron', 'node:*'],
      'src/renderer talks only through the shared contract.',
    ),
  },
  {
    files: ['src/hub/**'],
    ignores: ['src/hub/demo.ts', 'src/hub/**/*.spec.ts'],
    rules: layer(
      ['**/renderer/**', '**/emulator/**', '**/electron/**', 'electron'],
      'src/hub hosts core; only demo.ts may start the emulator.',
    ),
  },
  {
    files: ['src/emulator/**'],
    rules: layer(
      [
        ...ours.filter((p) => !p.includes('emulator')),
        '**/shared/**',
        '**/electron/**',
        'electron',
      ],
      'the emulator speaks platform wire formats and imports nothing of the app.',
    ),
  },
  {
    files: ['electron/**'],
    ignores: ['electron/demo.ts', 'electron/**/*.spec.ts'],
    rules: layer(
      ['**/renderer/**', '**/hub/**', '**/emulator/**'],
      'electron/ hosts core; only demo.ts may start the emulator.',
    ),
  },
  {
    // Its specs may stand up a real hub and emulator on loopback, to test the desktop against them.
    files: ['electron/**/*.spec.ts'],
    rules: layer(['**/renderer/**'], 'electron/ never imports the renderer.'),
  },
);
