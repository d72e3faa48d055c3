import type { Agent, ApiInput, ApiOutput, CallContext, TeamSettings } from '../../shared';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore } from '../store/port';
import type { ConversationChanges } from '../conversation-changes';
import type { Clock } from '../time/clock';
import type { AgentDirectory } from './agent-directory';
import { LOCAL_AGENT } from './callers';
import type { Callers } from './callers';
import { TeamAdmin } from './team-admin';
import type { TeamSettingsBook } from './team-settings';

export interface TeamDeps {
  directory: AgentDirectory;
  commits: InboxCommits;
  store: InboxStore;
  changes: ConversationChanges;
  clock: Clock;
  callers: Callers;
  settings: TeamSettingsBook;
  /** An agent's access changed (role, token renewed, removed): hosts check what they hold open. */
  agentChanged(agentId: string): void;
}

/** The team: who the agents are, how a manager changes it, and who a token signs in. */
export class Team {
  private readonly admin: TeamAdmin;

  constructor(private readonly deps: TeamDeps) {
    this.admin = new TeamAdmin(deps.directory, deps.commits, deps.store, deps.changes, deps.clock);
  }

  async whoAmI(_input?: ApiInput<'whoAmI'>, context?: CallContext): Promise<Agent> {
    return context?.agent ?? LOCAL_AGENT;
  }

  /** What the team decided once for the inbox. */
  async getTeamSettings(input?: ApiInput<'getTeamSettings'>): Promise<TeamSettings> {
    return this.deps.settings.get(input);
  }

  saveTeamSettings(input: ApiInput<'saveTeamSettings'>, context?: CallContext) {
    return this.deps.settings.save(input, this.deps.callers.actor(context));
  }

  async listAgents(): Promise<Agent[]> {
    return this.deps.directory.list();
  }

  createAgent(
    input: ApiInput<'createAgent'>,
    context?: CallContext,
  ): Promise<ApiOutput<'createAgent'>> {
    return this.admin.create(input, this.deps.callers.actor(context));
  }

  /** A new team's first agents, unless it has someone already (then none: answered empty). */
  createFirstAgents(
    inputs: readonly ApiInput<'createAgent'>[],
  ): Promise<ApiOutput<'createAgent'>[]> {
    return this.admin.createFirst(inputs, this.deps.callers.actor(undefined));
  }

  async updateAgent(
    input: ApiInput<'updateAgent'>,
    context?: CallContext,
  ): Promise<ApiOutput<'updateAgent'>> {
    const agent = await this.admin.update(input, this.deps.callers.actor(context));
    this.deps.agentChanged(agent.id);
    return agent;
  }

  /** A new token for an agent: the old one stops working, and hosts drop what it opened. */
  async renewAgentToken(
    input: ApiInput<'renewAgentToken'>,
    context?: CallContext,
  ): Promise<ApiOutput<'renewAgentToken'>> {
    const renewed = await this.admin.renew(input, this.deps.callers.actor(context));
    this.deps.agentChanged(renewed.agent.id);
    return renewed;
  }

  /** Takes an agent off the team; their open conversations go back to the queue. */
  async removeAgent(
    input: ApiInput<'removeAgent'>,
    context?: CallContext,
  ): Promise<ApiOutput<'removeAgent'>> {
    const removed = await this.admin.remove(input, this.deps.callers.actor(context));
    this.deps.agentChanged(removed.agent.id);
    return removed;
  }

  /** Records an agent signing in (a browser at the hub, the desktop app joining it). */
  recordSignIn(agent: Agent, client: string): Promise<void> {
    return this.admin.recordSignIn(agent, client);
  }

  /** The agent a personal token belongs to (hub sign-in), or null. */
  authenticate(token: string): Agent | null {
    return this.deps.directory.authenticate(token);
  }
}
