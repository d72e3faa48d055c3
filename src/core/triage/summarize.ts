import type { Conversation, Post, Priority, StatementAnswer } from '../../shared';

const EXCERPT_LENGTH = 180;

/** Reach at which a conversation is worth a look before the others. */
export const HIGH_REACH = 100_000;

/**
 * The conversation's summary as its posts say it, keeping what people decided (status, assignee,
 * tags). A done conversation that gets a new customer post is reopened.
 */
export function summarize(
  previous: Conversation | undefined,
  posts: Post[],
  now: Date,
): Conversation {
  const first = posts[0];
  if (first == null) throw new Error('a conversation has at least one post');
  const inbound = posts.filter((p) => p.direction === 'inbound');
  const opener = inbound[0] ?? first;
  const latestInbound = inbound[inbound.length - 1] ?? first;
  const firstReply = posts.find(
    (p) => p.direction === 'outbound' && p.createdAt >= opener.createdAt,
  );
  const reach = Math.max(0, ...inbound.map((p) => p.author.followers ?? 0));
  const lastPostAt = posts[posts.length - 1]?.createdAt ?? first.createdAt;
  const newInbound = previous != null && latestInbound.createdAt > previous.lastPostAt;
  const status =
    previous == null
      ? 'new'
      : previous.status === 'done' && newInbound && latestInbound.direction === 'inbound'
        ? 'open'
        : previous.status;

  const next: Conversation = {
    id: first.conversationId,
    platform: first.platform,
    accountId: first.accountId,
    rootPostId: first.id,
    status,
    assignee: previous?.assignee ?? null,
    tags: previous?.tags ?? [],
    language: opener.language ?? inbound.find((p) => p.language != null)?.language ?? null,
    priority:
      previous?.priority ??
      priorityOf(
        reach,
        inbound.some((p) => p.author.verified),
      ),
    author: opener.author,
    excerpt: shorten(latestInbound.text),
    // The customer's latest tone, once its post was scored (posts stored before were not).
    ...(latestInbound.direction === 'inbound' && latestInbound.sentiment !== undefined
      ? { sentiment: latestInbound.sentiment }
      : {}),
    postCount: posts.length,
    reach,
    firstResponseMs: firstResponseOf(opener, firstReply, previous?.statement),
    ...(previous?.statement != null ? { statement: previous.statement } : {}),
    ...(posts.some((p) => p.direction === 'outbound' && p.outside)
      ? { answeredOutside: true }
      : {}),
    version: (previous?.version ?? 0) + 1,
    createdAt: first.createdAt,
    lastPostAt,
    updatedAt: now.toISOString(),
  };
  return next;
}

/**
 * Milliseconds from the opening post to the first brand answer at or after it: a reply, or the
 * public statement that answered the conversation, whichever came first (null: neither).
 */
export function firstResponseOf(
  opener: Post,
  firstReply: Post | undefined,
  statement: StatementAnswer | null | undefined,
): number | null {
  const opened = Date.parse(opener.createdAt);
  const times: number[] = [];
  if (firstReply != null) times.push(Date.parse(firstReply.createdAt));
  if (statement != null && Date.parse(statement.at) >= opened) times.push(Date.parse(statement.at));
  return times.length === 0 ? null : Math.min(...times) - opened;
}

export function priorityOf(reach: number, verified: boolean): Priority {
  if (reach >= 10 * HIGH_REACH) return 'urgent';
  if (reach >= HIGH_REACH || verified) return 'high';
  return 'normal';
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}
