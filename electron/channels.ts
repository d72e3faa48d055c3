import type { ApiMethodName, EVENTS_CHANNEL, apiMethods } from '../src/shared/api';

/**
 * The IPC channel of every InboxApi call, as plain data. The sandboxed preload imports this instead
 * of `apiMethods`, whose zod schemas it could not load (a sandboxed preload can require nothing but
 * `electron`). The types tie it to the shared table: a method added there fails the typecheck here
 * until its channel is listed, and channels.spec.ts compares the two.
 */
export const IPC_CHANNELS: { readonly [M in ApiMethodName]: (typeof apiMethods)[M]['channel'] } = {
  listConversations: 'conversations:list',
  getConversation: 'conversations:get',
  listAccounts: 'accounts:list',
  startConnect: 'accounts:connect',
  finishConnect: 'accounts:finish-connect',
  connectPages: 'accounts:connect-pages',
  cancelConnect: 'accounts:cancel-connect',
  disconnectAccount: 'accounts:disconnect',
  sendReply: 'conversations:reply',
  updateConversation: 'conversations:update',
  hidePost: 'posts:hide',
  translatePost: 'posts:translate',
  translateDraft: 'replies:translate-draft',
  getTranslationSettings: 'translation:settings',
  saveTranslationSettings: 'translation:save-settings',
  whoAmI: 'session:me',
  listAgents: 'agents:list',
  createAgent: 'agents:create',
  updateAgent: 'agents:update',
  renewAgentToken: 'agents:renew-token',
  removeAgent: 'agents:remove',
  connectHub: 'hub:connect',
  leaveHub: 'hub:leave',
  getReport: 'reports:get',
  drillReport: 'reports:drill',
  getCrisis: 'reports:crisis',
  getComplaints: 'reports:complaints',
  verifyAudit: 'audit:verify',
  postStatement: 'statements:post',
  getTeamSettings: 'team:settings',
  saveTeamSettings: 'team:save-settings',
  listRules: 'rules:list',
  saveRule: 'rules:save',
  deleteRule: 'rules:delete',
  moveRule: 'rules:move',
  previewRule: 'rules:preview',
  listSavedReplies: 'replies:list-saved',
  saveSavedReply: 'replies:save-saved',
  deleteSavedReply: 'replies:delete-saved',
  retryReply: 'replies:retry',
  discardReply: 'replies:discard',
  listTags: 'tags:list',
  saveTag: 'tags:save',
  renameTag: 'tags:rename',
  deleteTag: 'tags:delete',
  listViews: 'views:list',
  saveView: 'views:save',
  deleteView: 'views:delete',
  updateConversations: 'conversations:update-many',
  addNote: 'notes:add',
  reportPresence: 'presence:report',
  listPresence: 'presence:list',
};

/** Same value as EVENTS_CHANNEL in src/shared/api.ts, without loading that module. */
export const IPC_EVENTS_CHANNEL: typeof EVENTS_CHANNEL = 'events:push';
