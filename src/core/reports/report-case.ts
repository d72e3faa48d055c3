import { UNKNOWN_LANGUAGE } from '../../shared';
import type { Platform, Post, Sentiment } from '../../shared';
import type { ConversationHead, PostFacts } from '../store/port';

/** The responder of the brand's replies made with another app than the inbox. */
export const OUTSIDE = 'outside';

/** What the report knows of one conversation that arrived in the range. */
export interface ReportCase {
  conversation: ConversationHead;
  platform: Platform;
  language: string;
  /** Milliseconds from the first customer post to the first brand reply; null if unanswered. */
  firstResponseMs: number | null;
  /** Who made the first brand reply: an agent id, `outside`, or null (unanswered). */
  firstResponder: string | null;
  /** The inbox's replies, by agent. */
  replies: { agent: string; kind: 'public' | 'private' }[];
  outside: Post[];
  /**
   * The brand's first reply post (not a statement): its language as detected, and the language
   * the inbox translated it into when the agent drafted it in theirs (null: sent as written).
   * Null if there is no reply post.
   */
  firstReply: { language: string | null; translatedInto: string | null } | null;
  /** The first customer post read negative. */
  openedNegative: boolean;
  /**
   * The tone of the latest post of the customer who began the conversation, after the first
   * answer: null when they did not write again (or it was not answered), `unscored` when that
   * post has no tone. What others write in the conversation does not count.
   */
  toneAfterAnswer: Sentiment | 'unscored' | null;
}

const byTime = (a: PostFacts, b: PostFacts) =>
  a.createdMs < b.createdMs ? -1 : a.createdMs > b.createdMs ? 1 : 0;

/** Whether posts are in time order already (as stores give them): sorting would keep them so. */
function inTimeOrder(posts: readonly PostFacts[]): boolean {
  for (let i = 1; i < posts.length; i++) if (byTime(posts[i - 1]!, posts[i]!) > 0) return false;
  return true;
}

/**
 * What a report counts of a conversation, from the facts of its posts (in any order; those of the
 * same instant keep the order given): the first customer post, the first brand reply at or after
 * it (or the public statement that answered it, if that came first), the inbox's replies by agent
 * (a statement counts as one public reply of the agent who published it), and the replies made
 * outside the inbox, which the report lists whole (`whole` gives them); and, for the reports of
 * tone and language, the first reply post's language (`translatedInto` gives the language of a
 * reply the inbox sent translated, by its post's id), whether the first customer post read
 * negative, and the tone of that customer's latest post after the first answer.
 */
export function caseOf(
  conversation: ConversationHead,
  posts: readonly PostFacts[],
  whole: (postId: string) => Post | undefined,
  translatedInto: (postId: string) => string | undefined = () => undefined,
): ReportCase {
  const ordered = inTimeOrder(posts) ? posts : [...posts].sort(byTime);
  const opener = ordered.find((p) => p.direction === 'inbound');
  let first: PostFacts | undefined;
  const replies: ReportCase['replies'] = [];
  const outside: Post[] = [];
  for (const p of ordered) {
    if (p.direction !== 'outbound') continue;
    if (first === undefined && opener !== undefined && p.createdMs >= opener.createdMs) first = p;
    if (p.outside) {
      const post = whole(p.id);
      if (post == null) throw new Error(`The reply ${p.id}, made outside the inbox, is not found`);
      outside.push(post);
    } else if (p.sentBy != null)
      replies.push({ agent: p.sentBy, kind: p.private ? 'private' : 'public' });
  }
  let firstMs = first?.createdMs ?? null;
  let firstResponder = first == null ? null : first.outside ? OUTSIDE : (first.sentBy ?? OUTSIDE);
  // A public statement answered it: one public reply of the agent who published it, at its time.
  const statement = conversation.statement;
  if (statement != null) {
    replies.push({ agent: statement.by, kind: 'public' });
    if (
      opener !== undefined &&
      statement.atMs >= opener.createdMs &&
      (firstMs == null || statement.atMs < firstMs)
    ) {
      firstMs = statement.atMs;
      firstResponder = statement.by;
    }
  }
  const answeredAt = firstMs == null || opener == null ? null : firstMs;
  return {
    conversation,
    platform: conversation.platform,
    language: conversation.language ?? UNKNOWN_LANGUAGE,
    firstResponseMs: answeredAt == null ? null : answeredAt - opener!.createdMs,
    firstResponder: answeredAt == null ? null : firstResponder,
    replies,
    outside,
    firstReply:
      first == null
        ? null
        : { language: first.language, translatedInto: translatedInto(first.id) ?? null },
    openedNegative: opener?.sentiment === 'negative',
    toneAfterAnswer:
      answeredAt == null ? null : latestToneAfter(ordered, answeredAt, opener!.authorId),
  };
}

/** The tone of the customer's latest post after an instant (ms); null if they wrote none. */
function latestToneAfter(
  ordered: readonly PostFacts[],
  afterMs: number,
  customer: string,
): ReportCase['toneAfterAnswer'] {
  for (let i = ordered.length - 1; i >= 0; i--) {
    const p = ordered[i]!;
    if (p.createdMs <= afterMs) return null;
    if (p.direction === 'inbound' && p.authorId === customer) return p.sentiment ?? 'unscored';
  }
  return null;
}
