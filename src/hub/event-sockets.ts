import { EVENTS_SIGNED_OUT } from '../shared';
import type { WebSocket } from 'ws';
import { mayReceive } from '../shared';
import type { Agent, InboxEvent } from '../shared';

/** Close codes and reasons the hub gives an event connection; reasons stay under 123 bytes. */
export const CLOSE_REVOKED = {
  code: EVENTS_SIGNED_OUT.code,
  reason: 'signed out: the token was renewed or the agent removed',
} as const;
export const CLOSE_TOO_SLOW = {
  code: 1013,
  reason: 'try again later: events were not being read',
} as const;
/** The hub is shutting down: the client connects again (through the proxy, to another replica). */
export const CLOSE_RESTARTING = {
  code: 1012,
  reason: 'the hub is restarting: connect again',
  /** How long a client has to take the close frame before it is cut off. */
  graceMs: 2000,
} as const;
export const closeTooMany = (max: number) =>
  ({ code: 1008, reason: `too many event connections for this agent (at most ${max})` }) as const;

export interface EventSocketLimits {
  /** Open event connections per agent; one more is refused (the oldest ones keep working). */
  maxPerAgent: number;
  /**
   * Bytes waiting to be sent on one connection (unread by its client). Past this, the connection
   * is closed with 1013 and nothing more is queued for it, so a client that stops reading costs
   * the hub at most this much.
   */
  maxBufferedBytes: number;
  /** How long a closing connection has to take its close frame before it is cut off. */
  closeGraceMs: number;
}

export const DEFAULT_EVENT_SOCKET_LIMITS: EventSocketLimits = {
  maxPerAgent: 8,
  maxBufferedBytes: 1024 * 1024,
  closeGraceMs: 10_000,
};

interface Listener {
  socket: WebSocket;
  /** The personal token the connection was opened with: checked again before each event. */
  token: string;
  agentId: string;
  closing: boolean;
}

/**
 * The hub's open event connections, by agent. Each event is checked against its receiver as the
 * receiver is now (a renewed token or a removed agent gets nothing more; the role decides what may
 * be seen), and a receiver that does not read is dropped instead of buffered without end.
 */
export class EventSockets {
  private readonly byAgent = new Map<string, Set<Listener>>();
  private readonly limits: EventSocketLimits;

  constructor(
    private readonly options: {
      /** The agent a personal token belongs to now, or null. */
      authenticate: (token: string) => Agent | null;
      limits?: Partial<EventSocketLimits>;
      /** An agent's last event connection closed. */
      onAgentLeft?: (agentId: string) => void;
    },
  ) {
    this.limits = { ...DEFAULT_EVENT_SOCKET_LIMITS, ...options.limits };
  }

  /** Takes a signed-in connection; refuses it (closed, false) when its agent has too many open. */
  add(socket: WebSocket, token: string, agent: Agent): boolean {
    const mine = this.byAgent.get(agent.id) ?? new Set<Listener>();
    if (mine.size >= this.limits.maxPerAgent) {
      this.closeSocket(socket, closeTooMany(this.limits.maxPerAgent));
      return false;
    }
    const listener: Listener = { socket, token, agentId: agent.id, closing: false };
    mine.add(listener);
    this.byAgent.set(agent.id, mine);
    const leave = () => {
      if (!mine.delete(listener)) return;
      if (mine.size > 0) return;
      this.byAgent.delete(agent.id);
      this.options.onAgentLeft?.(agent.id);
    };
    socket.on('close', leave);
    socket.on('error', leave);
    return true;
  }

  /** Sends one event to every connection whose agent may receive it now. */
  broadcast(event: InboxEvent): void {
    let text: string | null = null;
    for (const listeners of this.byAgent.values()) {
      for (const listener of listeners) {
        if (listener.closing || listener.socket.readyState !== listener.socket.OPEN) continue;
        const agent = this.current(listener);
        if (agent == null || !mayReceive(agent, event)) continue;
        text ??= JSON.stringify(event);
        if (
          listener.socket.bufferedAmount + Buffer.byteLength(text) >
          this.limits.maxBufferedBytes
        ) {
          this.close(listener, CLOSE_TOO_SLOW);
          continue;
        }
        listener.socket.send(text);
      }
    }
  }

  /** An agent's access changed: their connections whose token no longer signs in close now. */
  recheck(agentId: string): void {
    for (const listener of this.byAgent.get(agentId) ?? []) this.current(listener);
  }

  /** How many event connections an agent has open. */
  count(agentId: string): number {
    return this.byAgent.get(agentId)?.size ?? 0;
  }

  /** The connection's agent as the team has it now, or null (and the connection closed). */
  private current(listener: Listener): Agent | null {
    const agent = this.options.authenticate(listener.token);
    if (agent != null && agent.id === listener.agentId) return agent;
    this.close(listener, CLOSE_REVOKED);
    return null;
  }

  private close(listener: Listener, why: { code: number; reason: string }): void {
    if (listener.closing) return;
    listener.closing = true;
    this.closeSocket(listener.socket, why);
  }

  /** Closes with a code and reason; a client that does not take the close frame is cut off. */
  private closeSocket(socket: WebSocket, why: { code: number; reason: string }): void {
    socket.close(why.code, why.reason);
    const cut = setTimeout(() => socket.terminate(), this.limits.closeGraceMs);
    cut.unref();
    socket.once('close', () => clearTimeout(cut));
  }
}
