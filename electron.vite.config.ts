import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// main and preload bundle our own code and keep node_modules external; the preload is CommonJS
// because sandboxed preloads cannot be ES modules. The workers (crisis clustering, the queue's lists, the reports) are
// entries of main too, beside index.js under the name each runner looks for.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('electron/main.ts'),
          'cluster-worker': resolve('src/core/reports/cluster-worker.ts'),
          'list-worker': resolve('src/core/store/sql/list-worker.ts'),
          'report-worker': resolve('src/core/reports/report-worker.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name.endsWith('-worker') ? '[name].mjs' : '[name].js'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [svelte()],
  },
});
