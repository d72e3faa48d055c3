import {
  AccountListSchema,
  ConnectPagesInputSchema,
  DisconnectInputSchema,
  FlowInputSchema,
  InboxError,
  PlatformSchema,
  StartConnectInputSchema,
} from '../../shared';
import type {
  Account,
  ApiInput,
  ApiOutput,
  AuditFact,
  CallContext,
  InboxEvent,
  Platform,
  SyncStatus,
} from '../../shared';
import type { Actor } from '../audit/audit-facts';
import { ConnectFlows, pageIdentity } from '../auth/connect-flows';
import type { Identity } from '../auth/connect-flows';
import type { Credential } from '../auth/credential';
import type { CredentialVault } from '../auth/credential-vault';
import type { OAuthApps } from '../auth/oauth-apps';
import type { ChangeQueue } from '../change-queue';
import { XClient } from '../connectors/x/x-client';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore } from '../store/port';
import type { SettingsChange, Workspace, WorkspaceStore } from '../store/workspace-store';
import type { InboxSync } from '../sync/inbox-sync';
import type { SyncConfig } from '../sync/sync-context';
import type { Callers } from '../team/callers';

export interface AccountsDeps {
  config: SyncConfig;
  apps: OAuthApps;
  workspace: WorkspaceStore;
  store: InboxStore;
  commits: InboxCommits;
  vault: CredentialVault;
  sync: Pick<InboxSync, 'restart' | 'stop'>;
  queue: ChangeQueue;
  callers: Callers;
  emit(event: InboxEvent): void;
}

const idle: SyncStatus = {
  state: 'connected',
  until: null,
  lastSyncAt: null,
  message: null,
  fetched: 0,
};

/**
 * The platform accounts of the inbox: connected by OAuth sign-in (or a token), their credential
 * in the secret store and only its key in the workspace; disconnected with or without their history.
 */
export class Accounts {
  private readonly flows: ConnectFlows;

  constructor(private readonly deps: AccountsDeps) {
    const { config, apps } = deps;
    this.flows = new ConnectFlows({
      x: () => apps.x,
      facebook: () => apps.facebook,
      xBaseUrl: config.xBaseUrl,
      graphBaseUrl: config.graphBaseUrl,
      graphVersion: config.graphVersion,
    });
  }

  async listAccounts(): Promise<ApiOutput<'listAccounts'>> {
    return AccountListSchema.parse(this.deps.workspace.data.accounts);
  }

  /**
   * Connects a platform account with an access token (a Page token, or an X user token made
   * elsewhere): the platform says whose it is, the token goes to the secret store and only its key
   * to the workspace. Returns the account. The OAuth sign-in (`startConnect`) is the usual way.
   */
  async connectAccount(input: { platform: Platform; token: string }): Promise<Account> {
    const { config } = this.deps;
    const platform = PlatformSchema.parse(input.platform);
    const identity =
      platform === 'x'
        ? await new XClient(input.token, config.xBaseUrl).me().then((u) => ({
            externalId: u.id,
            handle: u.username,
            name: u.name,
          }))
        : await pageIdentity(input.token, {
            graphBaseUrl: config.graphBaseUrl,
            graphVersion: config.graphVersion,
            appSecret: config.graphAppSecret,
          });
    const credential: Credential = {
      v: 1,
      accessToken: input.token,
      refreshToken: null,
      expiresAt: null,
      scopes: [],
    };
    return this.saveAccount(
      platform,
      identity,
      credential,
      null,
      this.deps.callers.actor(undefined),
    );
  }

  async startConnect(input: ApiInput<'startConnect'>): Promise<ApiOutput<'startConnect'>> {
    const { platform } = StartConnectInputSchema.parse(input);
    const { flowId, authorizeUrl } = await this.flows.start(platform);
    return { flowId, platform, authorizeUrl, opened: false };
  }

  async finishConnect(
    input: ApiInput<'finishConnect'>,
    context?: CallContext,
  ): Promise<ApiOutput<'finishConnect'>> {
    const { flowId } = FlowInputSchema.parse(input);
    const outcome = await this.flows.wait(flowId);
    if (outcome.kind === 'account') {
      const account = await this.saveAccount(
        outcome.platform,
        outcome.identity,
        outcome.credential,
        outcome.expiresAt,
        this.deps.callers.actor(context),
      );
      this.deps.sync.restart(account.id);
      return { status: 'connected', accounts: [account] };
    }
    const connected = new Set(this.deps.workspace.data.accounts.map((a) => a.id));
    return {
      status: 'choose-pages',
      flowId,
      pages: outcome.pages.map((p) => ({
        id: p.id,
        name: p.name,
        connected: connected.has(`facebook:${p.id}`),
      })),
    };
  }

  async connectPages(
    input: ApiInput<'connectPages'>,
    context?: CallContext,
  ): Promise<ApiOutput<'connectPages'>> {
    const { flowId, pageIds } = ConnectPagesInputSchema.parse(input);
    const pages = this.flows.choosePages(flowId, pageIds);
    const accounts: Account[] = [];
    for (const page of pages) {
      // When the Page token stops giving access to data (Facebook says it in debug_token).
      const expiresAt = await this.deps.apps.facebook
        ?.dataAccessEndsAt(page.accessToken)
        .catch(() => null);
      const account = await this.saveAccount(
        'facebook',
        { externalId: page.id, handle: page.name, name: page.name },
        { v: 1, accessToken: page.accessToken, refreshToken: null, expiresAt: null, scopes: [] },
        expiresAt ?? null,
        this.deps.callers.actor(context),
      );
      accounts.push(account);
      this.deps.sync.restart(account.id);
    }
    return accounts;
  }

  async cancelConnect(input: ApiInput<'cancelConnect'>): Promise<ApiOutput<'cancelConnect'>> {
    const { flowId } = FlowInputSchema.parse(input);
    this.flows.cancel(flowId);
    return { done: true };
  }

  async disconnectAccount(
    input: ApiInput<'disconnectAccount'>,
    context?: CallContext,
  ): Promise<ApiOutput<'disconnectAccount'>> {
    const { workspace } = this.deps;
    const { accountId, deleteHistory } = DisconnectInputSchema.parse(input);
    const account = workspace.data.accounts.find((a) => a.id === accountId);
    if (!account) throw new InboxError('not_found', `No account with id ${accountId}`);
    await this.deps.sync.stop(accountId);
    await this.deps.vault.forget(account.credentialRef);
    const fact: AuditFact = {
      ...this.deps.callers.actor(context),
      action: 'account.disconnected',
      conversationId: null,
      details: { accountId, platform: account.platform, handle: account.handle, deleteHistory },
    };
    const leave = (data: Workspace) => {
      data.accounts = data.accounts.filter((a) => a.id !== accountId);
    };
    // The cursors are kept with the history, so connecting again resumes where sync was.
    if (deleteHistory) await this.forgetHistory(accountId, fact, leave);
    else await this.deps.commits.commit([fact], { settings: [leave] });
    this.deps.emit({ type: 'account.removed', accountId });
    return { done: true };
  }

  /** Gives up every sign-in still under way. */
  close(): void {
    this.flows.closeAll();
  }

  /** Keeps the credential in the keychain and the account (never the secret) in the workspace. */
  private async saveAccount(
    platform: Platform,
    identity: Identity,
    credential: Credential,
    expiresAt: string | null,
    by: Actor,
  ): Promise<Account> {
    const { workspace } = this.deps;
    const id = `${platform}:${identity.externalId}`;
    const credentialRef = id;
    await this.deps.vault.save(credentialRef, credential);
    const previous = workspace.data.accounts.find((a) => a.id === id);
    const account: Account = {
      id,
      platform,
      credentialRef,
      ...identity,
      expiresAt,
      sync: {
        ...(previous?.sync ?? idle),
        state: 'connected',
        message: null,
        until: null,
        permission: null,
      },
    };
    await this.deps.commits.commit(
      [
        {
          ...by,
          action: 'account.connected',
          conversationId: null,
          details: { accountId: id, platform, handle: identity.handle, again: previous != null },
        },
      ],
      {
        settings: [
          (data) => {
            data.accounts = [...data.accounts.filter((a) => a.id !== id), account];
          },
        ],
      },
    );
    this.deps.emit({ type: 'account.status', account });
    return account;
  }

  /**
   * Disconnects an account with its history: the account, its conversations, posts and cursors go
   * in one commit (after the changes queued before it).
   */
  private forgetHistory(accountId: string, fact: AuditFact, leave: SettingsChange): Promise<void> {
    const { store, commits } = this.deps;
    return this.deps.queue.run(async () => {
      const gone = await store.conversations.idsOfAccount(accountId);
      await commits.commit([fact], {
        changes: [
          { kind: 'conversations.remove', ids: gone },
          { kind: 'posts.forget-account', accountId },
          { kind: 'cursors.forget-account', accountId },
        ],
        settings: [leave],
      });
      for (const id of gone) this.deps.emit({ type: 'conversation.removed', id, into: null });
    });
  }
}
