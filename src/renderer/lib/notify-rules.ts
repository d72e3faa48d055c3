import type { InboxEvent } from '../../shared/events';
import type { Note, Priority } from '../../shared/model';

/** Something worth telling the signed-in agent about, with what the message needs. */
export type Notice =
  | { kind: 'assigned'; key: string; conversationId: string; by: string; author: string }
  | { kind: 'mention'; key: string; conversationId: string; note: Note }
  | {
      kind: 'priority';
      key: string;
      conversationId: string;
      priority: Extract<Priority, 'high' | 'urgent'>;
      author: string;
      excerpt: string;
    };

export interface NotifyRulesOptions {
  /** At most this many "high priority arrived" notices a minute; the rest stay in the list. */
  maxPriorityPerMinute?: number;
}

/**
 * Which live events notify the signed-in agent: a conversation someone else assigned to them, a
 * note that mentions them, a high or urgent conversation that just arrived. Never their own
 * actions, never twice for the same thing; a burst of urgent arrivals (a backfill, a storm) is
 * capped so the desktop does not fill with notifications.
 */
export class NotifyRules {
  private readonly seen = new Set<string>();
  private readonly priorityTimes: number[] = [];
  private readonly maxPriority: number;

  constructor(
    private readonly me: string,
    options: NotifyRulesOptions = {},
  ) {
    this.maxPriority = options.maxPriorityPerMinute ?? 3;
  }

  decide(event: InboxEvent, now = Date.now()): Notice | null {
    if (event.type === 'note.added') return this.mention(event.note);
    if (event.type !== 'conversation.changed') return null;
    const { conversation: c, by } = event;
    const assignedKey = `assigned:${c.id}`;
    if (c.assignee !== this.me) this.seen.delete(assignedKey);
    else if (typeof by === 'string' && by !== this.me && !this.seen.has(assignedKey)) {
      this.seen.add(assignedKey);
      return {
        kind: 'assigned',
        key: assignedKey,
        conversationId: c.id,
        by,
        author: c.author.name,
      };
    }
    const arrived = c.version === 1 && c.status === 'new' && by !== this.me;
    if (!arrived || (c.priority !== 'high' && c.priority !== 'urgent')) return null;
    const key = `priority:${c.id}`;
    if (this.seen.has(key)) return null;
    this.seen.add(key);
    while (this.priorityTimes.length > 0 && this.priorityTimes[0]! <= now - 60_000)
      this.priorityTimes.shift();
    if (this.priorityTimes.length >= this.maxPriority) return null;
    this.priorityTimes.push(now);
    return {
      kind: 'priority',
      key,
      conversationId: c.id,
      priority: c.priority,
      author: c.author.name,
      excerpt: c.excerpt,
    };
  }

  private mention(note: Note): Notice | null {
    const key = `mention:${note.id}`;
    if (note.author === this.me || !note.mentions.includes(this.me) || this.seen.has(key))
      return null;
    this.seen.add(key);
    return { kind: 'mention', key, conversationId: note.conversationId, note };
  }
}
