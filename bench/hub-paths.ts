import type { ListConversationsInput } from '../src/shared';

/** Conversations per page, as the queue asks for them (PAGE_SIZE of the UI). */
export const PAGE_SIZE = 200;

export const conversationId = (i: number) => `x:${10_000_000 + i}`;
export const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
export const listPath = (input: ListConversationsInput) =>
  `/api/conversations?${new URLSearchParams(
    Object.entries({ ...input, limit: PAGE_SIZE }).map(([k, v]): [string, string] => [
      k,
      String(v),
    ]),
  )}`;
