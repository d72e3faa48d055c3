import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/model';
import { post } from '../../shared/test-fixtures';
import { timeline, withNote } from './timeline';

const note = (id: string, createdAt: string): Note => ({
  id,
  conversationId: 'x:100',
  author: 'jan',
  text: 'internal',
  mentions: [],
  createdAt,
});

describe('timeline', () => {
  it('slots notes between posts by time, keeping the posts in their order', () => {
    const posts = [
      post({ id: 'x:1', createdAt: '2026-03-01T10:00:00.000Z' }),
      post({ id: 'x:2', createdAt: '2026-03-01T10:10:00.000Z' }),
    ];
    const notes = [
      note('n:late', '2026-03-01T11:00:00.000Z'),
      note('n:mid', '2026-03-01T10:05:00.000Z'),
    ];
    expect(timeline(posts, notes).map((i) => (i.kind === 'post' ? i.post.id : i.note.id))).toEqual([
      'x:1',
      'n:mid',
      'x:2',
      'n:late',
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
