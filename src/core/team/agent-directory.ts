import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Agent } from '../../shared';
import { InboxError } from '../../shared';
import { confusableWith } from '../../shared/names';
import type { SettingsChange, Workspace, WorkspaceStore } from '../store/workspace-store';

/** Personal tokens start with this, so a leaked one is recognisable (and greppable) as ours. */
const TOKEN_PREFIX = 'sia_';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The team: agents and their personal tokens. A token is shown once, when the agent is created;
 * the workspace keeps only its SHA-256, so the data folder cannot be used to sign in. Each change is
 * staged (`write`), for the caller to make durable with its audit entry; nothing changes before.
 */
export class AgentDirectory {
  constructor(private readonly workspace: WorkspaceStore) {}

  list(): Agent[] {
    return [...this.workspace.data.agents];
  }

  get(id: string): Agent | undefined {
    return this.workspace.data.agents.find((a) => a.id === id);
  }

  create(fields: Omit<Agent, 'id'>): { agent: Agent; token: string; write: SettingsChange } {
    const name = fields.name.trim();
    this.refuseConfusable(name, null);
    const agent: Agent = { ...fields, name, id: `agent:${randomUUID()}` };
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const write = (data: Workspace) => {
      data.agents = [...data.agents, agent];
      data.agentTokens = { ...data.agentTokens, [hashOf(token)]: agent.id };
    };
    return { agent, token, write };
  }

  /** The agent a personal token belongs to, or null (a removed agent's token is gone). */
  authenticate(token: string): Agent | null {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const id = this.workspace.data.agentTokens[hashOf(token)];
    const agent = id ? this.get(id) : undefined;
    return agent != null && agent.removedAt == null ? agent : null;
  }

  /** Agents still on the team. */
  active(): Agent[] {
    return this.list().filter((a) => a.removedAt == null);
  }

  /**
   * Checks that conversations may be assigned to `id`: someone on the team. An unknown id or an
   * agent who left is refused (bad_request), so nothing waits on someone who will never see it.
   */
  checkAssignable(id: string): void {
    const agent = this.get(id);
    if (agent == null)
      throw new InboxError('bad_request', `No agent with id ${id} on the team`, { assignee: id });
    if (agent.removedAt != null)
      throw new InboxError(
        'bad_request',
        `${agent.name} is no longer on the team: assign it to someone who is`,
        { assignee: id },
      );
  }

  /** Changes an agent's name, role or languages; the team always keeps a manager. */
  update(
    id: string,
    fields: Partial<Pick<Agent, 'name' | 'role' | 'languages'>>,
  ): { agent: Agent; write: SettingsChange } {
    const current = this.current(id);
    const name = fields.name?.trim() ?? current.name;
    if (fields.name !== undefined) this.refuseConfusable(name, id);
    if (fields.role === 'agent' && current.role === 'manager') this.keepAManager(id);
    const agent: Agent = { ...current, ...fields, name };
    const write = (data: Workspace) => {
      data.agents = data.agents.map((a) => (a.id === id ? agent : a));
    };
    return { agent, write };
  }

  /** A new personal token for an agent (lost or leaked): the old one stops working at once. */
  renew(id: string): { agent: Agent; token: string; write: SettingsChange } {
    const agent = this.current(id);
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const write = (data: Workspace) => {
      data.agentTokens = {
        ...Object.fromEntries(Object.entries(data.agentTokens).filter(([, a]) => a !== id)),
        [hashOf(token)]: id,
      };
    };
    return { agent, token, write };
  }

  /** Takes an agent off the team: their token stops working; their name stays in the history. */
  remove(id: string, now: Date): { agent: Agent; write: SettingsChange } {
    const current = this.current(id);
    if (current.role === 'manager') this.keepAManager(id);
    const agent: Agent = { ...current, removedAt: now.toISOString() };
    const write = (data: Workspace) => {
      data.agents = data.agents.map((a) => (a.id === id ? agent : a));
      data.agentTokens = Object.fromEntries(
        Object.entries(data.agentTokens).filter(([, a]) => a !== id),
      );
    };
    return { agent, write };
  }

  private current(id: string): Agent {
    const agent = this.get(id);
    if (agent == null || agent.removedAt != null)
      throw new InboxError('not_found', `No agent with id ${id} on the team`);
    return agent;
  }

  /**
   * A name a reader could take for a teammate's (case, spaces, zero-width characters, fullwidth
   * letters aside: see confusableKey) is refused, so mentions, assignments and the audit trail
   * always name one person. Agents who left the team keep their names in the history only.
   */
  private refuseConfusable(name: string, self: string | null): void {
    const others = this.active().filter((a) => a.id !== self);
    const existing = confusableWith(name, others, (a) => a.name);
    if (existing == null) return;
    throw new InboxError(
      'conflict',
      existing.name === name
        ? `There is already an agent called ${name}`
        : `The name "${name}" reads like "${existing.name}", who is already on the team: choose a name that can be told apart`,
      { agentId: existing.id, name: existing.name },
    );
  }

  private keepAManager(leaving: string): void {
    if (!this.active().some((a) => a.role === 'manager' && a.id !== leaving))
      throw new InboxError('conflict', 'The team needs at least one manager: name another first');
  }
}
