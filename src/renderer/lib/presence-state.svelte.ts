import { SvelteMap } from 'svelte/reactivity';
import type { InboxEvent } from '../../shared/events';
import type { Activity, Presence } from '../../shared/model';

export interface Someone {
  agentId: string;
  activity: Exclude<Activity, 'idle'>;
}

/**
 * What the rest of the team is doing, as the hub pushed it: who views or replies to which
 * conversation. The signed-in agent's own presence is never listed.
 */
export class PresenceState {
  private readonly byAgent = new SvelteMap<
    string,
    { conversationId: string; activity: Someone['activity'] }
  >();

  constructor(private readonly me: () => string | null) {}

  /** Replaces everything with the hub's current list (at start, after a reconnection). */
  load(list: readonly Presence[]): void {
    this.byAgent.clear();
    for (const p of list) this.set(p.agentId, p.conversationId, p.activity);
  }

  apply(event: Extract<InboxEvent, { type: 'presence' }>): void {
    this.set(event.agentId, event.conversationId, event.activity);
  }

  /** Others on this conversation, those replying first. */
  on(conversationId: string): Someone[] {
    const me = this.me();
    const list: Someone[] = [];
    for (const [agentId, p] of this.byAgent)
      if (p.conversationId === conversationId && agentId !== me)
        list.push({ agentId, activity: p.activity });
    return list.sort(
      (a, b) =>
        Number(b.activity === 'replying') - Number(a.activity === 'replying') ||
        a.agentId.localeCompare(b.agentId),
    );
  }

  /** Others typing a reply to this conversation. */
  replying(conversationId: string): string[] {
    return this.on(conversationId)
      .filter((s) => s.activity === 'replying')
      .map((s) => s.agentId);
  }

  private set(agentId: string, conversationId: string | null, activity: Activity): void {
    if (activity === 'idle' || conversationId == null) this.byAgent.delete(agentId);
    else this.byAgent.set(agentId, { conversationId, activity });
  }
}
