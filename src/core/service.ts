// Placeholder outline: replaced by the real implementation.
import type { InboxApi } from '../shared';
export interface InboxServiceOptions {
  /** Folder of the lowdb store. */
  dataDir: string;
  /** X API base URL, e.g. https://api.x.com (the emulator: http://127.0.0.1:PORT/x). */
  xBaseUrl: string;
  /** Graph API base URL, e.g. https://graph.facebook.com (the emulator: http://127.0.0.1:PORT/graph). */
  graphBaseUrl: string;
  graphVersion: string;
  /** Poll interval in ms. */
  pollIntervalMs: number;
  /** Name of the client host for provenance, e.g. "desktop:hostname" or "hub:hostname". */
  clientName: string;
}
export declare class InboxService implements InboxApi {
  static open(options: InboxServiceOptions): Promise<InboxService>;
  listConversations: InboxApi['listConversations'];
  getConversation: InboxApi['getConversation'];
  listAccounts: InboxApi['listAccounts'];
  onEvent: InboxApi['onEvent'];
  /** Connects a platform account with an access token (identity is read from the platform). */
  connectAccount(input: { platform: 'x' | 'facebook'; token: string }): Promise<void>;
  /** Starts the polling sync loop for every connected account. */
  startSync(): void;
  close(): Promise<void>;
}
