import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Agent } from '../../shared';
import { InboxError } from '../../shared';
import type { WorkspaceStore } from '../store/workspace-store';

/** Personal tokens start with this, so a leaked one is recognisable (and greppable) as ours. */
const TOKEN_PREFIX = 'sia_';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The team: agents and their personal tokens. A token is shown once, when the agent is created;
 * the workspace keeps only its SHA-256, so the data folder cannot be used to sign in.
 */
export class AgentDirectory {
  constructor(private readonly workspace: WorkspaceStore) {}

  list(): Agent[] {
    return [...this.workspace.data.agents];
  }

  get(id: string): Agent | undefined {
    return this.workspace.data.agents.find((a) => a.id === id);
  }

  async create(fields: Omit<Agent, 'id'>): Promise<{ agent: Agent; token: string }> {
    const name = fields.name.trim();
    if (this.workspace.data.agents.some((a) => a.name.toLowerCase() === name.toLowerCase()))
      throw new InboxError('conflict', `There is already an agent called ${name}`);
    const agent: Agent = { ...fields, name, id: `agent:${randomUUID()}` };
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    await this.workspace.update((data) => {
      data.agents = [...data.agents, agent];
      data.agentTokens = { ...data.agentTokens, [hashOf(token)]: agent.id };
    });
    return { agent, token };
  }

  /** The agent a personal token belongs to, or null. */
  authenticate(token: string): Agent | null {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const id = this.workspace.data.agentTokens[hashOf(token)];
    return id ? (this.get(id) ?? null) : null;
  }
}
