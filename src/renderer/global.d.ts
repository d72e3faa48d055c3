/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { InboxClient } from '../shared/api';

declare global {
  interface Window {
    /** The inbox, exposed by the Electron preload. Absent in a browser served by the hub. */
    inbox?: InboxClient;
  }
}

export {};
