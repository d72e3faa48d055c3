import { get } from 'svelte/store';
import type { InboxApi } from '../../shared/api';
import { _ } from '../i18n';
import type { Agent } from '../../shared/model';
import { currentAgent } from './session';
import type { SessionClient } from './session';

/** Whether someone is signed in, and who. */
export class SessionState {
  status: 'checking' | 'signed-in' | 'signed-out' | 'unreachable' = $state('checking');
  agent: Agent | null = $state(null);
  error: string | null = $state(null);

  constructor(
    private readonly api: Pick<InboxApi, 'whoAmI'>,
    readonly client: SessionClient,
  ) {}

  /** At start: a token from the address signs in; otherwise ask the inbox who we are. */
  async start(tokenFromAddress: string | null): Promise<void> {
    if (tokenFromAddress && (await this.signIn(tokenFromAddress))) return;
    try {
      this.set(await currentAgent(this.api));
    } catch (err) {
      this.status = 'unreachable';
      this.error = (err as Error).message;
    }
  }

  /** Resolves true once signed in; false with `error` set when the token was refused. */
  async signIn(token: string): Promise<boolean> {
    this.error = null;
    try {
      this.set(await this.client.signIn(token));
      return true;
    } catch (err) {
      this.error = (err as Error).message;
      this.status = 'signed-out';
      return false;
    }
  }

  async signOut(): Promise<void> {
    await this.client.signOut();
    this.set(null);
  }

  /** The inbox answered "unauthorized" (the session ended elsewhere): back to the sign-in screen. */
  expired(): void {
    if (this.status === 'signed-in') {
      this.error = get(_)('signin.sessionEnded');
      this.set(null);
    }
  }

  private set(agent: Agent | null): void {
    this.agent = agent;
    this.status = agent ? 'signed-in' : 'signed-out';
  }
}
