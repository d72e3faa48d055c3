import { InboxError } from '../../shared';
import type { Conversation } from '../../shared';

/** A change refused because the conversation is not stored (any engine says it so). */
export function noConversation(id: string): InboxError {
  return new InboxError('not_found', `No conversation with id ${id}`);
}

/**
 * A change refused because the conversation is no longer at the version it was made for: the
 * conversation as it is now goes with it, for the caller to show.
 */
export function changedMeanwhile(current: Conversation): InboxError {
  return new InboxError(
    'conflict',
    'This conversation changed since you opened it: your change was not applied',
    { current },
  );
}
