import { mount } from 'svelte';
import App from './App.svelte';
import { setupI18n } from './i18n';
import { applyTheme, storedTheme } from './lib/theme';
import './styles/app.css';

const target = document.getElementById('app');
if (target == null) throw new Error('The page has no #app element');

setupI18n();
// The chosen theme before the first paint, so a dark UI does not flash light.
let storage: Storage | null = null;
try {
  storage = window.localStorage;
} catch {
  storage = null;
}
applyTheme(document.documentElement, storedTheme(storage));

export default mount(App, { target });
