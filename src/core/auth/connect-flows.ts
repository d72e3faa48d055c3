import { randomUUID } from 'node:crypto';
import { InboxError } from '../../shared';
import type { Platform } from '../../shared';
import { PlatformError } from '../connectors/platform-error';
import { XClient } from '../connectors/x/x-client';
import { GraphClient } from '../connectors/facebook/graph-client';
import type { Credential } from './credential';
import type { FacebookOAuth } from './facebook-oauth';
import type { ManagedPage } from './facebook-oauth';
import { CallbackTimeoutError, startLoopbackReceiver } from './loopback-receiver';
import type { LoopbackReceiver } from './loopback-receiver';
import type { XOAuth } from './x-oauth';

export interface Identity {
  externalId: string;
  handle: string;
  name: string;
}

/** What a finished sign-in gives: an account to save, or the Pages to choose among. */
export type FlowOutcome =
  | {
      kind: 'account';
      platform: Platform;
      identity: Identity;
      credential: Credential;
      expiresAt: string | null;
    }
  | { kind: 'pages'; pages: ManagedPage[]; userTokenExpiresAt: string | null };

interface Flow {
  platform: Platform;
  receiver: LoopbackReceiver;
  /** Resolves with the platform's answer turned into an outcome. */
  outcome: Promise<FlowOutcome>;
  pages?: ManagedPage[];
  userTokenExpiresAt?: string | null;
  expires: NodeJS.Timeout;
}

export interface ConnectFlowsConfig {
  x: () => XOAuth | null;
  facebook: () => FacebookOAuth | null;
  xBaseUrl: string;
  graphBaseUrl: string;
  graphVersion: string;
  /** How long the user has to sign in; the listener closes after. Default 10 minutes. */
  timeoutMs?: number;
}

/**
 * Sign-ins in progress. Each one listens on its own loopback port for the platform's redirect,
 * checks `state`, trades the code for tokens and says whose they are. Tokens stay in this process's
 * memory until the service stores them in the keychain; nothing here returns one to a client.
 */
export class ConnectFlows {
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly config: ConnectFlowsConfig) {}

  async start(platform: Platform): Promise<{ flowId: string; authorizeUrl: string }> {
    const timeoutMs = this.config.timeoutMs ?? 10 * 60_000;
    const flowId = randomUUID();
    if (platform === 'x') {
      const oauth = this.config.x();
      if (!oauth) throw notConfigured('X', 'an X app client id (SOCIAL_INBOX_X_CLIENT_ID)');
      const receiver = await this.receiverFor(oauth, timeoutMs);
      return this.track(flowId, 'x', receiver.receiver, receiver.outcome, timeoutMs, receiver.url);
    }
    const oauth = this.config.facebook();
    if (!oauth)
      throw notConfigured(
        'Facebook',
        'a Facebook app id and app secret (SOCIAL_INBOX_FACEBOOK_APP_ID, SOCIAL_INBOX_GRAPH_APP_SECRET)',
      );
    const state = randomUUID();
    const receiver = await startLoopbackReceiver({ state, timeoutMs });
    const outcome = receiver.result.then(async (query): Promise<FlowOutcome> => {
      const code = codeOf(query, 'Facebook');
      const user = await oauth.userToken(code, receiver.redirectUri);
      const pages = await oauth.pages(user.token);
      return { kind: 'pages', pages, userTokenExpiresAt: user.expiresAt };
    });
    const url = oauth.dialogUrl(receiver.redirectUri, state);
    return this.track(flowId, 'facebook', receiver, outcome, timeoutMs, url);
  }

  /** Waits for the user to finish in the browser. */
  async wait(flowId: string): Promise<FlowOutcome> {
    const flow = this.get(flowId);
    try {
      const outcome = await flow.outcome;
      if (outcome.kind === 'pages') {
        flow.pages = outcome.pages;
        flow.userTokenExpiresAt = outcome.userTokenExpiresAt;
      } else {
        this.end(flowId);
      }
      return outcome;
    } catch (err) {
      this.end(flowId);
      throw asInboxError(err);
    }
  }

  /** The chosen Pages of a Facebook sign-in, with their tokens; ends the flow. */
  choosePages(flowId: string, pageIds: string[]): ManagedPage[] {
    const flow = this.get(flowId);
    if (!flow.pages)
      throw new InboxError('conflict', 'This sign-in has not come back from Facebook yet');
    const chosen = flow.pages.filter((p) => pageIds.includes(p.id));
    const unknown = pageIds.filter((id) => !flow.pages!.some((p) => p.id === id));
    if (unknown.length > 0)
      throw new InboxError(
        'bad_request',
        `These Pages are not among the ones Facebook listed: ${unknown.join(', ')}`,
      );
    this.end(flowId);
    return chosen;
  }

  cancel(flowId: string): void {
    if (this.flows.has(flowId)) this.end(flowId);
  }

  closeAll(): void {
    for (const id of [...this.flows.keys()]) this.end(id);
  }

  private async receiverFor(oauth: XOAuth, timeoutMs: number) {
    // The redirect URI must be known to build the link, and the link's state to start the receiver:
    // listen first with a state of our own, then let the library use that same state.
    const state = randomUUID();
    const receiver = await startLoopbackReceiver({ state, timeoutMs });
    const link = oauth.authorizeLink(receiver.redirectUri, state);
    const outcome = receiver.result.then(async (query): Promise<FlowOutcome> => {
      const code = codeOf(query, 'X');
      const credential = await oauth.exchange(code, link.codeVerifier, receiver.redirectUri);
      const me = await new XClient(credential.accessToken, this.config.xBaseUrl).me();
      return {
        kind: 'account',
        platform: 'x',
        identity: { externalId: me.id, handle: me.username, name: me.name },
        credential,
        expiresAt: null,
      };
    });
    return { receiver, outcome, url: link.url };
  }

  private track(
    flowId: string,
    platform: Platform,
    receiver: LoopbackReceiver,
    outcome: Promise<FlowOutcome>,
    timeoutMs: number,
    authorizeUrl: string,
  ): { flowId: string; authorizeUrl: string } {
    outcome.catch(() => undefined); // reported by wait()
    // The Page choice may come a little after the browser step; the flow is dropped after that.
    const expires = setTimeout(() => this.end(flowId), timeoutMs + 5 * 60_000);
    expires.unref();
    this.flows.set(flowId, { platform, receiver, outcome, expires });
    return { flowId, authorizeUrl };
  }

  private get(flowId: string): Flow {
    const flow = this.flows.get(flowId);
    if (!flow) throw new InboxError('not_found', 'This sign-in is over: start again');
    return flow;
  }

  private end(flowId: string): void {
    const flow = this.flows.get(flowId);
    if (!flow) return;
    clearTimeout(flow.expires);
    flow.receiver.close();
    this.flows.delete(flowId);
  }
}

/** Reads the Page's own id and name with a Page token, to check the token is for that Page. */
export async function pageIdentity(
  token: string,
  config: { graphBaseUrl: string; graphVersion: string; appSecret: string | null },
): Promise<Identity> {
  const page = await new GraphClient(token, config.graphBaseUrl, config.graphVersion, {
    appSecret: config.appSecret,
  }).get<{ id: string; name: string }>('me', { fields: 'id,name' });
  return { externalId: page.id, handle: page.name, name: page.name };
}

function codeOf(query: URLSearchParams, platform: string): string {
  const error = query.get('error');
  if (error) {
    throw new InboxError(
      'forbidden',
      error === 'access_denied'
        ? `${platform} access was not granted: the account is not connected`
        : `${platform} refused the sign-in: ${query.get('error_description') ?? error}`,
    );
  }
  const code = query.get('code');
  if (!code) throw new InboxError('bad_request', `${platform} sent no authorization code back`);
  return code;
}

function notConfigured(platform: string, what: string): InboxError {
  return new InboxError(
    'unavailable',
    `Connecting ${platform} accounts needs ${what} in the settings`,
  );
}

function asInboxError(err: unknown): Error {
  if (err instanceof InboxError) return err;
  if (err instanceof CallbackTimeoutError) return new InboxError('conflict', err.message);
  if (err instanceof PlatformError)
    return new InboxError(err.kind === 'transient' ? 'unavailable' : 'bad_request', err.message);
  return err as Error;
}
