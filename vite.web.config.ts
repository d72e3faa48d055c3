import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The same renderer, built for the hub to serve to browsers.
export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  plugins: [svelte()],
  build: { outDir: resolve('out/web'), emptyOutDir: true },
});
