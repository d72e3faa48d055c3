import type { DraftPost } from '../../triage/threading';
import { languageOf } from '../../triage/language';
import { sentimentOf } from '../../triage/sentiment';
import type { GraphComment } from './graph-client';

export const COMMENT_FIELDS = [
  'id',
  'message',
  'created_time',
  'from',
  'parent',
  'permalink_url',
  'application',
  'is_hidden',
  'can_reply_privately',
  'attachment',
];

/** What a comment's attachment points at: the link it shares, else its image. */
function attachmentAddress(attachment: GraphComment['attachment']): string | null {
  return attachment?.target?.url ?? attachment?.url ?? attachment?.media?.image?.src ?? null;
}

export function facebookPostId(commentId: string): string {
  return `facebook:${commentId}`;
}

/** The Page post a comment sits under, when the caller knows it (its comments were listed, a webhook named it). */
export interface CommentPlace {
  pagePostId?: string;
}

/**
 * Maps a Page post's comment to a draft post. The Page's own comments are brand replies; seen through
 * the Graph they were made outside this inbox, with the app Graph names in `application`.
 */
export async function mapComment(
  comment: GraphComment,
  account: { id: string; externalId: string },
  place: CommentPlace = {},
): Promise<DraftPost> {
  const text = comment.message ?? '';
  const media = attachmentAddress(comment.attachment);
  const outbound = comment.from?.id === account.externalId;
  const language = await languageOf(text);
  return {
    id: facebookPostId(comment.id),
    platform: 'facebook',
    externalId: comment.id,
    accountId: account.id,
    author: {
      id: comment.from?.id ?? 'unknown',
      handle: null,
      name: comment.from?.name ?? 'Facebook user',
      followers: null,
      verified: false,
      avatarUrl: null,
    },
    text,
    language,
    sentiment: outbound ? null : sentimentOf(text, language),
    createdAt: new Date(comment.created_time).toISOString(),
    permalink: comment.permalink_url ?? null,
    sourceApp: comment.application
      ? {
          name: comment.application.name,
          id: comment.application.id,
          link: comment.application.link ?? null,
        }
      : null,
    direction: outbound ? 'outbound' : 'inbound',
    private: false,
    sentBy: null,
    client: null,
    outside: outbound,
    hidden: comment.is_hidden ?? false,
    parentId: comment.parent ? facebookPostId(comment.parent.id) : null,
    ...(place.pagePostId != null ? { underPost: facebookPostId(place.pagePostId) } : {}),
    ...(media != null ? { media: [media] } : {}),
  };
}
