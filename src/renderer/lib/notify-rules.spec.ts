import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../../shared/events';
import type { Conversation, Note } from '../../shared/model';
import { conversation } from '../../shared/test-fixtures';
import { NotifyRules } from './notify-rules';

const changed = (c: Partial<Conversation>, by?: string | null): InboxEvent => ({
  type: 'conversation.changed',
  conversation: conversation({ status: 'open', version: 3, ...c }),
  ...(by !== undefined ? { by } : {}),
});

const note = (overrides: Partial<Note> = {}): InboxEvent => ({
  type: 'note.added',
  note: {
    id: 'note:1',
    conversationId: 'x:100',
    author: 'camille',
    text: '@Lucía can you take this one?',
    mentions: ['lucia'],
    createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  },
});

describe('NotifyRules', () => {
  it('notifies a conversation someone else assigned to me, once per assignment', () => {
    const rules = new NotifyRules('lucia');
    expect(rules.decide(changed({ assignee: 'lucia' }, 'camille'))).toMatchObject({
      kind: 'assigned',
      conversationId: 'x:100',
      by: 'camille',
      author: 'Claire Martin',
    });
    // Later changes of the same conversation (a new post, a tag) say nothing more.
    expect(rules.decide(changed({ assignee: 'lucia', version: 4 }, 'camille'))).toBeNull();
    expect(rules.decide(changed({ assignee: 'lucia', version: 5 }, null))).toBeNull();
    // Given to Jan, then back to me: that is news again.
    expect(rules.decide(changed({ assignee: 'jan', version: 6 }, 'camille'))).toBeNull();
    expect(rules.decide(changed({ assignee: 'lucia', version: 7 }, 'jan'))).toMatchObject({
      kind: 'assigned',
      by: 'jan',
    });
  });

  it('never notifies my own actions, or changes of unknown origin, or others’ assignments', () => {
    const rules = new NotifyRules('lucia');
    expect(rules.decide(changed({ assignee: 'lucia' }, 'lucia'))).toBeNull();
    expect(rules.decide(changed({ assignee: 'lucia', id: 'x:2' }))).toBeNull();
    expect(rules.decide(changed({ assignee: 'jan', id: 'x:3' }, 'camille'))).toBeNull();
    expect(rules.decide(note({ author: 'lucia' }))).toBeNull();
  });

  it('notifies a note that mentions me, once, and not one that mentions others', () => {
    const rules = new NotifyRules('lucia');
    expect(rules.decide(note())).toMatchObject({ kind: 'mention', key: 'mention:note:1' });
    expect(rules.decide(note())).toBeNull();
    expect(rules.decide(note({ id: 'note:2', mentions: ['jan'] }))).toBeNull();
    expect(new NotifyRules('jan').decide(note({ id: 'note:3', mentions: ['jan'] }))).toMatchObject({
      kind: 'mention',
    });
  });

  it('notifies a high or urgent conversation that just arrived, capped in a burst', () => {
    const rules = new NotifyRules('lucia', { maxPriorityPerMinute: 2 });
    const arrival = (id: string, priority: Conversation['priority']) =>
      changed({ id, priority, status: 'new', version: 1 }, null);
    const t0 = Date.parse('2026-03-01T10:00:00.000Z');
    expect(rules.decide(arrival('x:1', 'normal'), t0)).toBeNull();
    expect(rules.decide(arrival('x:2', 'urgent'), t0)).toMatchObject({
      kind: 'priority',
      priority: 'urgent',
      conversationId: 'x:2',
    });
    expect(rules.decide(arrival('x:2', 'urgent'), t0)).toBeNull();
    expect(rules.decide(arrival('x:3', 'high'), t0 + 1000)).toMatchObject({ priority: 'high' });
    expect(rules.decide(arrival('x:4', 'high'), t0 + 2000)).toBeNull();
    expect(rules.decide(arrival('x:5', 'high'), t0 + 61_000)).toMatchObject({
      conversationId: 'x:5',
    });
    // Raising the priority of a known conversation is not an arrival.
    expect(rules.decide(changed({ id: 'x:6', priority: 'urgent' }, 'camille'), t0)).toBeNull();
  });
});
