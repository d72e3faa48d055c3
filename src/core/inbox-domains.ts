import { randomUUID } from 'node:crypto';
import type { InboxEvent } from '../shared';
import { Accounts } from './accounts/accounts';
import { CredentialVault } from './auth/credential-vault';
import { oauthApps } from './auth/oauth-apps';
import type { ChangeQueue } from './change-queue';
import { Collaboration } from './collab/collaboration';
import { ConversationChanges } from './conversation-changes';
import { TagRegistry } from './queue/tag-registry';
import { TagsAndViews } from './queue/tags-and-views';
import { ReplyDesk } from './replies/reply-desk';
import { SavedReplyBook } from './replies/saved-reply-book';
import { Reports } from './reports/reports';
import { RuleBook } from './rules/rule-book';
import { Rules } from './rules/rules';
import { TeamSettingsBook } from './team/team-settings';
import type { InboxConfig } from './service-options';
import { Statements } from './statements/statements';
import type { InboxCommits } from './store/inbox-commits';
import type { InboxStore } from './store/port';
import type { WorkspaceStore } from './store/workspace-store';
import { FacebookWebhooks } from './sync/facebook-webhooks';
import { InboxSync } from './sync/inbox-sync';
import { SyncLeadership } from './sync/sync-leadership';
import { AgentDirectory } from './team/agent-directory';
import { Callers } from './team/callers';
import { Team } from './team/team';
import type { ReportThread } from './reports/report-thread';
import { dateOf } from './time/clock';
import { DraftTranslator } from './translation/draft-translator';
import { PostTranslator } from './translation/post-translator';
import { TranslationConfig } from './translation/translation-config';
import { Triage } from './triage/triage';

/** What an inbox keeps: the store, the settings document, and the one way both change. */
export interface InboxStores {
  store: InboxStore;
  workspace: WorkspaceStore;
  commits: InboxCommits;
  /** Where reports are made, when not on the event loop. */
  reportThread?: ReportThread | null;
}

/** What the service keeps for every domain: the one change queue, and its event channels. */
export interface InboxHooks {
  queue: ChangeQueue;
  emit(event: InboxEvent): void;
  /** An agent's access changed (role, token renewed, removed). */
  agentChanged(agentId: string): void;
  /** Tells this process's clients alone, not the other processes sharing the store. */
  emitHere?(event: InboxEvent): void;
}

/** An inbox's domains, one module each, which InboxService hands the calls to. */
export interface InboxDomains {
  callers: Callers;
  sync: InboxSync;
  accounts: Accounts;
  triage: Triage;
  tagsAndViews: TagsAndViews;
  replyDesk: ReplyDesk;
  team: Team;
  collab: Collaboration;
  rules: Rules;
  reports: Reports;
  statements: Statements;
  facebookWebhooks: FacebookWebhooks;
  translator: PostTranslator;
  draftTranslator: DraftTranslator;
  translation: TranslationConfig;
}

/**
 * Makes each domain on the stores, with what it shares with the others made once: the list index,
 * the tags, the credentials, the team, the rules and the one way a conversation change is saved.
 */
export function composeDomains(
  config: InboxConfig,
  stores: InboxStores,
  hooks: InboxHooks,
): InboxDomains {
  const { workspace, store, commits } = stores;
  const { queue, emit } = hooks;
  const { clock, pollIntervalMs, retryBaseMs, clientName, presenceTtlMs } = config;
  const tags = new TagRegistry(workspace, commits);
  const apps = oauthApps(config);
  const vault = new CredentialVault(config.secrets, () => apps.x, clock);
  const directory = new AgentDirectory(workspace);
  const callers = new Callers(directory, clientName);
  const changes = new ConversationChanges({
    store,
    commits,
    tags,
    clock,
    emit,
    serialize: (change) => queue.run(change),
  });
  const book = new RuleBook(workspace, () => directory.list(), commits);
  const translation = new TranslationConfig(config.translation, workspace, commits, config.secrets);
  const provider = () => translation.provider();
  // What every domain works on: the stores, the clock, the change queue, the caller, the events.
  const on = { clock, workspace, store, commits, queue, callers, emit };
  // Several processes on one store: each account is synced by the one holding its lease.
  const leadership = store.leases
    ? new SyncLeadership({
        leases: store.leases,
        holder: config.replicaName ?? `${clientName}:${randomUUID()}`,
        clock,
        accounts: () => workspace.data.accounts.map((a) => a.id),
        ttlMs: config.syncLeaseMs,
      })
    : null;
  const sync = new InboxSync({
    ...on,
    leadership,
    config,
    pollIntervalMs,
    retryBaseMs,
    rules: book,
    tags,
    vault,
  });
  const replyDesk = new ReplyDesk({
    ...on,
    config,
    outboxAdoptMs: config.outboxAdoptMs,
    clientName,
    retryBaseMs,
    vault,
    changes,
    savedReplies: new SavedReplyBook(workspace, commits),
    ingest: (drafts) => sync.ingest(drafts),
    refused: (accountId, err) => sync.noteRefusal(accountId, err),
    accountHeld: (id, status) => sync.hold(id, status),
  });
  const facebookWebhooks = new FacebookWebhooks({
    ...on,
    config,
    accounts: () => workspace.data.accounts,
    token: (account) => vault.accessToken(account),
    ingest: (drafts) => sync.ingest(drafts),
    callbackUrl: config.facebookWebhookUrl,
  });
  return {
    callers,
    sync,
    facebookWebhooks,
    accounts: new Accounts({ ...on, config, apps, vault, sync }),
    triage: new Triage({
      ...on,
      config,
      vault,
      directory,
      changes,
      replies: replyDesk,
    }),
    tagsAndViews: new TagsAndViews({ ...on, tags }),
    replyDesk,
    team: new Team({
      ...on,
      directory,
      changes,
      settings: new TeamSettingsBook(workspace, commits, emit),
      agentChanged: hooks.agentChanged,
    }),
    collab: new Collaboration({ ...on, presenceTtlMs, directory, emitHere: hooks.emitHere }),
    rules: new Rules({ book, callers, emit, store }),
    statements: new Statements({
      config,
      account: (id) => workspace.data.accounts.find((a) => a.id === id),
      token: (account) => vault.accessToken(account),
      store,
      changes,
      now: () => dateOf(clock),
      refused: (accountId, err) => sync.noteRefusal(accountId, err),
    }),
    reports: new Reports({
      store,
      agents: () => directory.list(),
      now: () => dateOf(clock),
      thread: stores.reportThread ?? null,
    }),
    translator: new PostTranslator({ store, clock, provider }),
    draftTranslator: new DraftTranslator({ store, provider }),
    translation,
  };
}
