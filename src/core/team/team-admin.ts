import {
  AgentIdInputSchema,
  CreateAgentInputSchema,
  InboxError,
  UpdateAgentInputSchema,
} from '../../shared';
import type { Agent, ApiInput, ApiOutput } from '../../shared';
import type { Actor } from '../audit/audit-facts';
import type { InboxCommits } from '../store/inbox-commits';
import type { Workspace } from '../store/workspace-store';
import type { InboxStore } from '../store/port';
import type { ConversationChanges } from '../conversation-changes';
import { dateOf } from '../time/clock';
import type { Clock } from '../time/clock';
import type { AgentDirectory } from './agent-directory';

/** The managers' calls about the team, each written with its audit entry as one commit. */
export class TeamAdmin {
  constructor(
    private readonly team: AgentDirectory,
    private readonly commits: InboxCommits,
    private readonly store: InboxStore,
    private readonly changes: ConversationChanges,
    private readonly clock: Clock,
  ) {}

  async create(input: ApiInput<'createAgent'>, by: Actor): Promise<ApiOutput<'createAgent'>> {
    const { agent, token, write } = this.team.create(CreateAgentInputSchema.parse(input));
    const { id, name, role, languages } = agent;
    await this.commits.commit(
      [
        {
          ...by,
          action: 'agent.created',
          conversationId: null,
          details: { agentId: id, name, role, languages },
        },
      ],
      { settings: [write] },
    );
    return { agent, token };
  }

  /**
   * A new team's first agents, unless the team has someone already: the document is checked in
   * the commit that adds them, as that commit finds it, so of several hubs opening one empty
   * database at once, one creates them and the others none (answered empty).
   */
  async createFirst(
    inputs: readonly ApiInput<'createAgent'>[],
    by: Actor,
  ): Promise<ApiOutput<'createAgent'>[]> {
    const created = inputs.map((input) => this.team.create(CreateAgentInputSchema.parse(input)));
    const first = (data: Workspace) => {
      if (data.agents.length > 0) throw new TeamNotEmpty();
      for (const { write } of created) write(data);
    };
    try {
      await this.commits.commit(
        created.map(({ agent: { id, name, role, languages } }) => ({
          ...by,
          action: 'agent.created' as const,
          conversationId: null,
          details: { agentId: id, name, role, languages },
        })),
        { settings: [first] },
      );
    } catch (err) {
      if (err instanceof TeamNotEmpty) return [];
      throw err;
    }
    return created.map(({ agent, token }) => ({ agent, token }));
  }

  async update(input: ApiInput<'updateAgent'>, by: Actor): Promise<ApiOutput<'updateAgent'>> {
    const { id, ...fields } = UpdateAgentInputSchema.parse(input);
    const before = this.team.get(id);
    const { agent, write } = this.team.update(id, fields);
    await this.commits.commit(
      [
        {
          ...by,
          action: 'agent.updated',
          conversationId: null,
          details: {
            agentId: id,
            before: before && { name: before.name, role: before.role, languages: before.languages },
            after: { name: agent.name, role: agent.role, languages: agent.languages },
          },
        },
      ],
      { settings: [write] },
    );
    return agent;
  }

  async renew(
    input: ApiInput<'renewAgentToken'>,
    by: Actor,
  ): Promise<ApiOutput<'renewAgentToken'>> {
    const { id } = AgentIdInputSchema.parse(input);
    const { agent, token, write } = this.team.renew(id);
    await this.commits.commit(
      [
        {
          ...by,
          action: 'agent.token-renewed',
          conversationId: null,
          details: { agentId: id, name: agent.name },
        },
      ],
      { settings: [write] },
    );
    return { agent, token };
  }

  /**
   * Takes an agent off the team: their token stops working, and their conversations not done yet
   * go back to the queue (each change recorded), so nothing waits on someone who left: one write.
   */
  async remove(input: ApiInput<'removeAgent'>, by: Actor): Promise<ApiOutput<'removeAgent'>> {
    const { id } = AgentIdInputSchema.parse(input);
    if (id === by.actor) throw new InboxError('conflict', 'You cannot remove yourself');
    const { agent, write } = this.team.remove(id, dateOf(this.clock));
    const unassigned = await this.changes.changeWhere(
      (c) =>
        c.assignee === id && c.status !== 'done' && c.status !== 'spam' ? { assignee: null } : null,
      by,
      (count) => [
        {
          ...by,
          action: 'agent.removed',
          conversationId: null,
          details: { agentId: id, name: agent.name, unassigned: count },
        },
      ],
      await this.store.conversations.idsAssignedTo(id),
      { settings: [write] },
    );
    return { agent, unassigned: unassigned.length };
  }

  /** Records an agent signing in (a browser at the hub, the desktop app joining it). */
  async recordSignIn(agent: Agent, client: string): Promise<void> {
    await this.commits.commit([
      {
        actor: agent.id,
        client,
        action: 'agent.signed-in',
        conversationId: null,
        details: { name: agent.name, role: agent.role },
      },
    ]);
  }
}

/** The team had someone when its first agents were to be created (another hub made them). */
class TeamNotEmpty extends Error {
  constructor() {
    super('The team has agents already');
  }
}
