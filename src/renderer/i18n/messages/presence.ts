import type { Translation } from './types';

/** Who else is on a conversation: viewing it, or writing a reply to it. */
export const en = {
  viewing: '{name} is viewing',
  replying: '{name} is replying',
  typing: '{names} {count, plural, one {is replying} other {are replying}}…',
  typingWarning:
    '{names} {count, plural, one {is already replying} other {are already replying}} to this conversation',
} as const;

export const fr: Translation<typeof en> = {
  viewing: '{name} consulte',
  replying: '{name} répond',
  typing:
    '{names} {count, plural, one {est en train de répondre} other {sont en train de répondre}}…',
  typingWarning:
    '{names} {count, plural, one {répond déjà} other {répondent déjà}} à cette conversation',
};
