import type { ListConversationsInput } from '../../shared/api';

/** Every query key of the screen, in one place, so live updates invalidate exactly what they should. */
export const queryKeys = {
  /** Prefix of every conversation list (one per filter set). */
  lists: ['conversations'] as const,
  list: (input: Omit<ListConversationsInput, 'cursor'>) => ['conversations', input] as const,
  conversation: (id: string) => ['conversation', id] as const,
  accounts: ['accounts'] as const,
  agents: ['agents'] as const,
  tags: ['tags'] as const,
  rules: ['rules'] as const,
  rulePreview: (conditions: unknown) => ['rule-preview', conditions] as const,
  teamSettings: ['team-settings'] as const,
  translationSettings: ['translation-settings'] as const,
  savedReplies: ['saved-replies'] as const,
  views: ['views'] as const,
};

/** Conversations per page when scrolling the list. */
export const PAGE_SIZE = 200;
