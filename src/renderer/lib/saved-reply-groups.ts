/**
 * The saved replies offered for a conversation, in the order the picker shows them: the
 * customer's language first (sent as written), then, when the agent writes in another language
 * of their own, theirs (translated before sending), then every other language.
 */
export interface SavedReplyGroups<T> {
  customer: T[];
  agent: T[];
  others: T[];
}

export function groupSavedReplies<T extends { language: string }>(
  replies: readonly T[],
  customerLanguage: string | null,
  agentLanguage: string | null,
): SavedReplyGroups<T> {
  const groups: SavedReplyGroups<T> = { customer: [], agent: [], others: [] };
  const ownLanguage = agentLanguage !== customerLanguage ? agentLanguage : null;
  for (const reply of replies) {
    if (customerLanguage != null && reply.language === customerLanguage)
      groups.customer.push(reply);
    else if (ownLanguage != null && reply.language === ownLanguage) groups.agent.push(reply);
    else groups.others.push(reply);
  }
  return groups;
}
