import type { Agent, CallContext } from '../../shared';
import { actorOf } from '../audit/audit-facts';
import type { Actor } from '../audit/audit-facts';
import type { AgentDirectory } from './agent-directory';

/**
 * The user of a solo inbox (the desktop app on its own, tools, tests): calls without a context are
 * theirs, and they manage their own inbox. A hub always passes the signed-in agent.
 */
export const LOCAL_AGENT: Agent = { id: 'local', name: 'You', role: 'manager', languages: [] };

/** Who a call comes from, as each domain records and names them. */
export class Callers {
  constructor(
    private readonly team: AgentDirectory,
    private readonly clientName: string,
  ) {}

  /** Who a call is from, for the audit trail: the signed-in agent, or this inbox's own user. */
  actor(context: CallContext | undefined): Actor {
    return actorOf(context, { actor: LOCAL_AGENT.id, client: this.clientName });
  }

  /** An agent's name as the team knows it (the id of one it does not). */
  nameOf(id: string): string {
    return id === LOCAL_AGENT.id ? LOCAL_AGENT.name : (this.team.get(id)?.name ?? id);
  }
}
