import { describe, expect, it } from 'vitest';
import { PresenceBoard } from './presence-board';
import type { PresenceChange } from './presence-board';

function board(ttlMs = 60_000) {
  let now = Date.parse('2026-11-20T10:00:00.000Z');
  const changes: PresenceChange[] = [];
  const presence = new PresenceBoard({ ttlMs, now: () => now, changed: (c) => changes.push(c) });
  return { presence, changes, advance: (ms: number) => (now += ms) };
}

describe('PresenceBoard', () => {
  it('announces changes only, and keeps a presence alive while it is reported', () => {
    const { presence, changes, advance } = board();
    presence.report({ agentId: 'jan', conversationId: 'x:1', activity: 'viewing' });
    advance(30_000);
    presence.report({ agentId: 'jan', conversationId: 'x:1', activity: 'viewing' });
    presence.report({ agentId: 'jan', conversationId: 'x:1', activity: 'replying' });
    expect(changes.map((c) => c.activity)).toEqual(['viewing', 'replying']);
    advance(59_000);
    presence.sweep();
    expect(presence.list()).toEqual([
      {
        agentId: 'jan',
        conversationId: 'x:1',
        activity: 'replying',
        at: '2026-11-20T10:00:30.000Z',
      },
    ]);
    presence.close();
  });

  it('drops a presence not reported within the time to live, and says so', () => {
    const { presence, changes, advance } = board();
    presence.report({ agentId: 'jan', conversationId: 'x:1', activity: 'viewing' });
    advance(20_000);
    presence.report({ agentId: 'lucia', conversationId: 'x:2', activity: 'viewing' });
    advance(41_000);
    presence.sweep();
    expect(presence.list().map((p) => p.agentId)).toEqual(['lucia']);
    expect(changes.at(-1)).toEqual({ agentId: 'jan', conversationId: null, activity: 'idle' });
    advance(20_000);
    expect(presence.list()).toEqual([]);
    presence.close();
  });

  it('forgets an agent who left or went idle, once', () => {
    const { presence, changes } = board();
    presence.report({ agentId: 'jan', conversationId: 'x:1', activity: 'viewing' });
    presence.forget('jan');
    presence.forget('jan');
    presence.report({ agentId: 'lucia', conversationId: 'x:1', activity: 'viewing' });
    presence.report({ agentId: 'lucia', conversationId: null, activity: 'idle' });
    expect(changes).toEqual([
      { agentId: 'jan', conversationId: 'x:1', activity: 'viewing' },
      { agentId: 'jan', conversationId: null, activity: 'idle' },
      { agentId: 'lucia', conversationId: 'x:1', activity: 'viewing' },
      { agentId: 'lucia', conversationId: null, activity: 'idle' },
    ]);
    expect(presence.list()).toEqual([]);
    presence.close();
  });
});
