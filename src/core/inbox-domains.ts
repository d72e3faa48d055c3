import type { InboxEvent } from '../shared';
import { Accounts } from './accounts/accounts';
import type { AuditLog } from './audit/audit-log';
import { CredentialVault } from './auth/credential-vault';
import { oauthApps } from './auth/oauth-apps';
import type { ChangeQueue } from './change-queue';
import { Collaboration } from './collab/collaboration';
import { ConversationChanges } from './conversation-changes';
import { TagRegistry } from './queue/tag-registry';
import { TagsAndViews } from './queue/tags-and-views';
import { ReplyDesk } from './replies/reply-desk';
import { SavedReplyBook } from './replies/saved-reply-book';
import type { ReportStore } from './reports/report-cases';
import { Reports } from './reports/reports';
import { RuleBook } from './rules/rule-book';
import { Rules } from './rules/rules';
import type { InboxConfig } from './service-options';
import { Statements } from './statements/statements';
import { ConversationIndex } from './store/conversation-query';
import type { ConversationStore } from './store/conversation-store';
import type { NoteStore } from './store/note-store';
import { factsOf, headOf } from './store/port';
import type { ConversationHead, PostFacts } from './store/port';
import type { PostStore } from './store/post-store';
import type { WorkspaceStore } from './store/workspace-store';
import { InboxSync } from './sync/inbox-sync';
import { AgentDirectory } from './team/agent-directory';
import { Callers } from './team/callers';
import { Team } from './team/team';
import { dateOf } from './time/clock';
import { Triage } from './triage/triage';

/** The stores an inbox works on, all in its data folder. */
export interface InboxStores {
  workspace: WorkspaceStore;
  posts: PostStore;
  conversations: ConversationStore;
  notes: NoteStore;
  audit: AuditLog;
}

/** What the service keeps for every domain: the one change queue, and its event channels. */
export interface InboxHooks {
  queue: ChangeQueue;
  emit(event: InboxEvent): void;
  /** An agent's access changed (role, token renewed, removed). */
  agentChanged(agentId: string): void;
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
  const { workspace, posts, conversations, notes, audit } = stores;
  const { queue, emit } = hooks;
  const { clock, pollIntervalMs, retryBaseMs, clientName, presenceTtlMs } = config;
  const index = new ConversationIndex(() => conversations.all());
  // The list index follows the store: a change shows in it once it is durable.
  conversations.observe({
    changed: (next, previous) => index.changed(next, previous),
    removed: (previous) => index.remove(previous),
  });
  const tags = new TagRegistry(workspace);
  const apps = oauthApps(config);
  const vault = new CredentialVault(config.secrets, () => apps.x, clock);
  const directory = new AgentDirectory(workspace);
  const callers = new Callers(directory, clientName);
  const changes = new ConversationChanges({
    conversations,
    audit,
    tags,
    clock,
    emit,
    serialize: (change) => queue.run(change),
  });
  const book = new RuleBook(workspace, () => directory.list(), audit);
  // What every domain works on: the stores, the clock, the change queue, the caller, the events.
  const on = { clock, workspace, posts, conversations, audit, queue, callers, emit };
  const sync = new InboxSync({
    ...on,
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
    clientName,
    retryBaseMs,
    vault,
    changes,
    savedReplies: new SavedReplyBook(workspace),
    ingest: (drafts) => sync.ingest(drafts),
  });
  return {
    callers,
    sync,
    accounts: new Accounts({ ...on, config, apps, vault, sync }),
    triage: new Triage({
      ...on,
      config,
      index,
      notes,
      vault,
      directory,
      changes,
      replies: replyDesk,
    }),
    tagsAndViews: new TagsAndViews({ ...on, tags }),
    replyDesk,
    team: new Team({ ...on, directory, changes, agentChanged: hooks.agentChanged }),
    collab: new Collaboration({ ...on, presenceTtlMs, notes, directory }),
    rules: new Rules({ book, callers, emit }),
    statements: new Statements({
      config,
      account: (id) => workspace.data.accounts.find((a) => a.id === id),
      token: (account) => vault.accessToken(account),
      conversations,
      changes,
    }),
    reports: new Reports({
      store: fileReportStore(conversations, posts),
      agents: () => directory.list(),
      now: () => dateOf(clock),
    }),
  };
}

/**
 * What reports read, over the file stores (everything in memory): conversations by arrival or last
 * post in a range, oldest first (ties by id), in one page, and posts once every month is read. The
 * SQL store answers the same reads from its indexes.
 */
function fileReportStore(conversations: ConversationStore, posts: PostStore): ReportStore {
  const between =
    (time: 'createdMs' | 'lastPostMs') =>
    (fromIso: string, toIso: string): AsyncIterable<ConversationHead[]> => {
      const from = Date.parse(fromIso);
      const to = Date.parse(toIso);
      const page = [...conversations.all()]
        .map(headOf)
        .filter((h) => h[time] >= from && h[time] < to)
        .sort((a, b) => a[time] - b[time] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return (async function* () {
        if (page.length > 0) yield page;
      })();
    };
  const known = <T>(list: (T | undefined)[]) => list.filter((t): t is T => t !== undefined);
  return {
    conversations: {
      headsCreatedBetween: between('createdMs'),
      headsLastPostedBetween: between('lastPostMs'),
      getMany: async (ids) => known([...new Set(ids)].map((id) => conversations.get(id))),
    },
    posts: {
      factsOf: async (ids) => {
        await posts.loadAll();
        const found = new Map<string, PostFacts[]>();
        for (const id of ids) {
          const list = posts.ofConversation(id);
          if (list.length > 0) found.set(id, list.map(factsOf));
        }
        return found;
      },
      getMany: async (ids) => {
        await posts.loadAll();
        return known([...new Set(ids)].map((id) => posts.get(id)));
      },
    },
  };
}
