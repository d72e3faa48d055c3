// Vite's root is this folder (web and Electron builds alike), and vite-plugin-svelte looks for its
// config there: use the project's, so runes mode and preprocessing match everywhere.
export { default } from '../../svelte.config.js';
