import { describe, expect, it } from 'vitest';
import { groupSavedReplies } from './saved-reply-groups';

const replies = [
  { id: 'fr', language: 'fr' },
  { id: 'en', language: 'en' },
  { id: 'nl', language: 'nl' },
  { id: 'de', language: 'de' },
  { id: 'nl2', language: 'nl' },
];
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('the saved replies offered for a conversation', () => {
  it('puts the customer’s language first when the agent writes in their own, then theirs', () => {
    const groups = groupSavedReplies(replies, 'nl', 'fr');
    expect(ids(groups.customer)).toEqual(['nl', 'nl2']);
    expect(ids(groups.agent)).toEqual(['fr']);
    expect(ids(groups.others)).toEqual(['en', 'de']);
  });

  it('has no group of the agent’s own when they write in the customer’s language, or in none', () => {
    expect(groupSavedReplies(replies, 'nl', 'nl')).toEqual({
      customer: [replies[2], replies[4]],
      agent: [],
      others: [replies[0], replies[1], replies[3]],
    });
    expect(ids(groupSavedReplies(replies, 'de', null).customer)).toEqual(['de']);
  });

  it('keeps every reply among the others when the conversation’s language is not known', () => {
    const groups = groupSavedReplies(replies, null, 'fr');
    expect(groups.customer).toEqual([]);
    expect(ids(groups.agent)).toEqual(['fr']);
    expect(groups.others).toHaveLength(4);
  });
});
