import type { ApiMethodName } from './api';
import type { Agent, Role } from './model';

/**
 * Who may make each call. Hosts check it before the call runs (the hub for every request; the
 * desktop app's own user is the manager of a solo inbox), so the UI hiding a button is never the
 * only guard.
 */
export const requiredRole: Record<ApiMethodName, Role> = {
  listConversations: 'agent',
  getConversation: 'agent',
  listAccounts: 'agent',
  startConnect: 'manager',
  finishConnect: 'manager',
  connectPages: 'manager',
  cancelConnect: 'manager',
  disconnectAccount: 'manager',
  sendReply: 'agent',
  updateConversation: 'agent',
  hidePost: 'agent',
  translatePost: 'agent',
  translateDraft: 'agent',
  getTranslationSettings: 'manager',
  saveTranslationSettings: 'manager',
  whoAmI: 'agent',
  listAgents: 'agent',
  createAgent: 'manager',
  updateAgent: 'manager',
  renewAgentToken: 'manager',
  removeAgent: 'manager',
  connectHub: 'agent',
  leaveHub: 'agent',
  getReport: 'manager',
  drillReport: 'manager',
  getCrisis: 'manager',
  getComplaints: 'manager',
  verifyAudit: 'manager',
  postStatement: 'manager',
  getTeamSettings: 'agent',
  saveTeamSettings: 'manager',
  listRules: 'agent',
  saveRule: 'manager',
  deleteRule: 'manager',
  moveRule: 'manager',
  previewRule: 'manager',
  listSavedReplies: 'agent',
  saveSavedReply: 'manager',
  deleteSavedReply: 'manager',
  retryReply: 'agent',
  discardReply: 'agent',
  listTags: 'agent',
  saveTag: 'manager',
  renameTag: 'manager',
  deleteTag: 'manager',
  listViews: 'agent',
  saveView: 'agent',
  deleteView: 'agent',
  updateConversations: 'agent',
  addNote: 'agent',
  reportPresence: 'agent',
  listPresence: 'agent',
};

export function mayCall(agent: Pick<Agent, 'role'>, method: ApiMethodName): boolean {
  return requiredRole[method] === 'agent' || agent.role === 'manager';
}
