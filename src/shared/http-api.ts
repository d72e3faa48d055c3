import type { ApiMethodName } from './api';

/**
 * How the hub exposes each call over HTTP. Every response body is an Envelope (see errors.ts);
 * GET inputs come from the query string (and path parameters), other methods from a JSON body.
 */
export const httpRoutes: Record<ApiMethodName, { method: 'GET' | 'POST'; path: string }> = {
  listConversations: { method: 'GET', path: '/api/conversations' },
  getConversation: { method: 'GET', path: '/api/conversations/:id' },
  listAccounts: { method: 'GET', path: '/api/accounts' },
  startConnect: { method: 'POST', path: '/api/accounts/connect' },
  finishConnect: { method: 'POST', path: '/api/accounts/connect/finish' },
  connectPages: { method: 'POST', path: '/api/accounts/connect/pages' },
  cancelConnect: { method: 'POST', path: '/api/accounts/connect/cancel' },
  disconnectAccount: { method: 'POST', path: '/api/accounts/disconnect' },
  sendReply: { method: 'POST', path: '/api/replies' },
  updateConversation: { method: 'POST', path: '/api/conversations/update' },
  hidePost: { method: 'POST', path: '/api/posts/hide' },
  translatePost: { method: 'POST', path: '/api/posts/translate' },
  translateDraft: { method: 'POST', path: '/api/replies/translate' },
  getTranslationSettings: { method: 'GET', path: '/api/translation/settings' },
  saveTranslationSettings: { method: 'POST', path: '/api/translation/settings' },
  whoAmI: { method: 'GET', path: '/api/session' },
  listAgents: { method: 'GET', path: '/api/agents' },
  createAgent: { method: 'POST', path: '/api/agents' },
  updateAgent: { method: 'POST', path: '/api/agents/update' },
  renewAgentToken: { method: 'POST', path: '/api/agents/renew-token' },
  removeAgent: { method: 'POST', path: '/api/agents/remove' },
  connectHub: { method: 'POST', path: '/api/hub/connect' },
  leaveHub: { method: 'POST', path: '/api/hub/leave' },
  getReport: { method: 'GET', path: '/api/reports' },
  drillReport: { method: 'POST', path: '/api/reports/drill' },
  getCrisis: { method: 'GET', path: '/api/reports/crisis' },
  getComplaints: { method: 'GET', path: '/api/reports/complaints' },
  verifyAudit: { method: 'GET', path: '/api/audit/verify' },
  postStatement: { method: 'POST', path: '/api/statements' },
  getTeamSettings: { method: 'GET', path: '/api/team/settings' },
  saveTeamSettings: { method: 'POST', path: '/api/team/settings' },
  listRules: { method: 'GET', path: '/api/rules' },
  saveRule: { method: 'POST', path: '/api/rules' },
  deleteRule: { method: 'POST', path: '/api/rules/delete' },
  moveRule: { method: 'POST', path: '/api/rules/move' },
  previewRule: { method: 'POST', path: '/api/rules/preview' },
  listSavedReplies: { method: 'GET', path: '/api/saved-replies' },
  saveSavedReply: { method: 'POST', path: '/api/saved-replies' },
  deleteSavedReply: { method: 'POST', path: '/api/saved-replies/delete' },
  retryReply: { method: 'POST', path: '/api/replies/retry' },
  discardReply: { method: 'POST', path: '/api/replies/discard' },
  listTags: { method: 'GET', path: '/api/tags' },
  saveTag: { method: 'POST', path: '/api/tags' },
  renameTag: { method: 'POST', path: '/api/tags/rename' },
  deleteTag: { method: 'POST', path: '/api/tags/delete' },
  listViews: { method: 'GET', path: '/api/views' },
  saveView: { method: 'POST', path: '/api/views' },
  deleteView: { method: 'POST', path: '/api/views/delete' },
  updateConversations: { method: 'POST', path: '/api/conversations/update-many' },
  addNote: { method: 'POST', path: '/api/notes' },
  reportPresence: { method: 'POST', path: '/api/presence' },
  listPresence: { method: 'GET', path: '/api/presence' },
};

/** The hub's WebSocket endpoint: each message is one JSON InboxEvent. */
export const EVENTS_PATH = '/api/events';

/**
 * How the hub closes an event connection whose agent is no longer signed in: 4001 when the token
 * was renewed or the agent removed while connected, 1008 with this reason when it never was.
 * Reconnecting cannot help then; the client goes back to its sign-in screen.
 */
export const EVENTS_SIGNED_OUT = {
  code: 4001,
  unsignedCode: 1008,
  unsignedReason: 'sign in first',
};

/** HTTP status for each error code, used by the hub and understood by clients. */
export const httpStatusOf = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected: 421,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  storage_unavailable: 503,
  storage_full: 507,
  translation_quota_exceeded: 429,
  translation_key_refused: 502,
  translation_too_long: 413,
  translation_timeout: 504,
  translation_unavailable: 503,
} as const;
