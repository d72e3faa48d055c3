import type { Workspace } from '../store/workspace-store';

/** The agents whose access differs between two documents: their record or one of their tokens. */
export function accessChanged(before: Workspace, after: Workspace): Set<string> {
  const changed = new Set<string>();
  const old = new Map(before.agents.map((a) => [a.id, JSON.stringify(a)]));
  for (const agent of after.agents)
    if (old.get(agent.id) !== JSON.stringify(agent)) changed.add(agent.id);
  for (const agent of before.agents)
    if (!after.agents.some((a) => a.id === agent.id)) changed.add(agent.id);
  const tokens = new Set([...Object.keys(before.agentTokens), ...Object.keys(after.agentTokens)]);
  for (const hash of tokens) {
    const was = before.agentTokens[hash];
    const is = after.agentTokens[hash];
    if (was !== is) for (const id of [was, is]) if (id != null) changed.add(id);
  }
  return changed;
}
