import type { ConversationPage } from '../../shared/api';
import type { Conversation } from '../../shared/model';

/** The loaded pages as one list; a conversation met twice (pages shifted between loads) is kept once. */
export function flattenPages(pages: readonly ConversationPage[] | undefined): Conversation[] {
  const seen = new Set<string>();
  const out: Conversation[] = [];
  for (const page of pages ?? []) {
    for (const conversation of page.items) {
      if (seen.has(conversation.id)) continue;
      seen.add(conversation.id);
      out.push(conversation);
    }
  }
  return out;
}
