import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit';
import type { Note } from '../../shared/model';
import { post as postFixture } from '../../shared/test-fixtures';
import { interleave, withNote } from './timeline';

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
const note = (id: string, createdAt: string): Note => ({
  id,
  conversationId: 'x:100',
  author: 'jan',
  text: 'internal',
  mentions: [],
  createdAt,
});

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

  it('slots notes between posts by time, with the actions, keeping the posts in their order', () => {
    const posts = [
      postFixture({ id: 'x:1', createdAt: '2026-03-01T10:00:00.000Z' }),
      postFixture({ id: 'x:2', createdAt: '2026-03-01T10:10:00.000Z' }),
    ];
    const notes = [
      note('late', '2026-03-01T11:00:00.000Z'),
      note('mid', '2026-03-01T10:05:00.000Z'),
    ];
    const actions = [action(9, '2026-03-01T10:06:00.000Z', 'conversation.status')];
    expect(interleave(posts, actions, notes).map((i) => i.key)).toEqual([
      'x:1',
      'nmid',
      'a9',
      'x:2',
      'nlate',
    ]);
  });

  it('adds a live note to the cached detail once', () => {
    const detail = { notes: [note('n:1', '2026-03-01T10:00:00.000Z')] };
    const added = withNote(detail, note('n:2', '2026-03-01T10:01:00.000Z'));
    expect(added?.notes.map((n) => n.id)).toEqual(['n:1', 'n:2']);
    expect(withNote(added, note('n:2', '2026-03-01T10:01:00.000Z'))).toBe(added);
    expect(withNote(undefined, note('n:3', '2026-03-01T10:02:00.000Z'))).toBeUndefined();
  });
});
