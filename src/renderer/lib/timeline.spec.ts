import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit';
import { interleave } from './timeline';

const action = (seq: number, at: string, kind: AuditEntry['action']): AuditEntry => ({
  seq,
  at,
  action: kind,
  actor: 'jan',
  client: 'browser',
  conversationId: 'x:1',
  details: {},
  prev: '0'.repeat(64),
  hash: '0'.repeat(64),
});
const post = (id: string, createdAt: string) => ({ id, createdAt });

describe('conversation timeline', () => {
  it('places each action after the last post made before it, and leaves out what posts say', () => {
    const items = interleave(
      [post('p1', '2026-03-01T10:00:00Z'), post('p2', '2026-03-01T12:00:00Z')],
      [
        action(1, '2026-03-01T09:59:00Z', 'post.arrived'),
        action(2, '2026-03-01T10:30:00Z', 'conversation.assigned'),
        action(3, '2026-03-01T11:00:00Z', 'reply.queued'),
        action(4, '2026-03-01T11:00:00Z', 'conversation.claimed'),
        action(5, '2026-03-01T13:00:00Z', 'conversation.status'),
      ],
    );
    expect(items.map((i) => i.key)).toEqual(['p1', 'a2', 'a4', 'p2', 'a5']);
  });

  it('keeps actions in the order they were recorded', () => {
    const items = interleave(
      [post('p1', '2026-03-01T10:00:00Z')],
      [
        action(7, '2026-03-01T10:05:00Z', 'conversation.status'),
        action(6, '2026-03-01T10:05:00Z', 'conversation.assigned'),
      ],
    );
    expect(items.map((i) => i.key)).toEqual(['p1', 'a6', 'a7']);
  });
});
