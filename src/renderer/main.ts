import { mount } from 'svelte';
import App from './App.svelte';
import { setupI18n } from './i18n';
import './styles/app.css';

const target = document.getElementById('app');
if (target == null) throw new Error('The page has no #app element');

setupI18n();

export default mount(App, { target });
