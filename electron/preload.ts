// The sandboxed preload: exposes exactly the InboxApi as `window.inbox`, and nothing else. It is
// bundled to CommonJS and may require only 'electron', so it imports no zod (see channels.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { createInboxBridge } from './preload-api';

contextBridge.exposeInMainWorld('inbox', createInboxBridge(ipcRenderer));
