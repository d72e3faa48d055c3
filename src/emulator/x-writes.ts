import { snowflakeAt } from './ids';
import type { EmuResponse } from './http-kit';
import type { WriteJournal } from './journal';
import type { XRoute } from './x-context';
import { checkParticipant, oneToOneConversationId } from './x-dms';
import type { XDirectMessages } from './x-dms';
import { weightedLength } from './x-links';
import { directMessageForbidden, forbidden, invalidRequest, xJson } from './x-problems';
import { tweetText } from './x-render';
import type { XStore } from './x-store';

/** A post's weighted length (twitter-text) may not pass 280; a direct message takes 10,000 characters. */
const MAX_TWEET_WEIGHT = 280;
const MAX_DM_CHARACTERS = 10_000;

const tweetTooLong = (text: string) => weightedLength(text) > MAX_TWEET_WEIGHT;
const dmTooLong = (text: string) => [...text].length > MAX_DM_CHARACTERS;

function jsonBody(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The text field of a write body, or the invalid-request answer X gives for it. */
function textOf(
  body: Record<string, unknown> | null,
  tooLong: (text: string) => boolean,
  limit: string,
): string | EmuResponse {
  if (body === null)
    return invalidRequest([{ parameters: {}, message: 'Request body must be a JSON object' }]);
  const text = body.text;
  if (typeof text !== 'string' || text.trim() === '')
    return invalidRequest([
      { parameters: { text: [String(text ?? '')] }, message: '$.text: must not be empty' },
    ]);
  if (tooLong(text))
    return invalidRequest([
      { parameters: { text: [text] }, message: `$.text: must be at most ${limit}` },
    ]);
  return text;
}

/**
 * `POST /2/tweets` (a post or a reply) and `POST /2/dm_conversations/with/:id/messages` (kept in
 * `dms` for `dm_events`).
 */
export function xWriteRoutes(store: XStore, journal: WriteJournal, dms: XDirectMessages): XRoute[] {
  return [
    {
      method: 'POST',
      pattern: '2/tweets',
      handler: ({ req, callerId }) => {
        const body = jsonBody(req.body);
        const text = textOf(body, tweetTooLong, `${MAX_TWEET_WEIGHT} characters (weighted)`);
        if (typeof text !== 'string') return text;
        const reply = body!.reply as { in_reply_to_tweet_id?: unknown } | undefined;
        const parentId = reply?.in_reply_to_tweet_id;
        if (parentId !== undefined && (typeof parentId !== 'string' || !store.tweet(parentId)))
          return forbidden(
            'You attempted to reply to a Tweet that is deleted or not visible to you.',
          );
        const quoted = body!.quote_tweet_id;
        if (quoted !== undefined && (typeof quoted !== 'string' || !store.tweet(quoted)))
          return forbidden('You attempted to quote a Tweet that is deleted or not visible to you.');
        const own = store.tweetsBy(callerId);
        if (own.some((t) => t.text === text))
          return forbidden('You are not allowed to create a Tweet with duplicate content.');
        const tweet = store.addTweet({
          author_id: callerId,
          text,
          lang: 'und',
          ...(typeof parentId === 'string' ? { in_reply_to: parentId } : {}),
          ...(typeof quoted === 'string' ? { quotes: quoted } : {}),
          like_count: 0,
          retweet_count: 0,
          reply_count: 0,
          quote_count: 0,
        });
        journal.record({
          platform: 'x',
          action: 'tweet',
          actorId: callerId,
          id: tweet.id,
          ...(typeof parentId === 'string' ? { targetId: parentId } : {}),
          text,
        });
        // As the spec's TweetCreateResponse: the id and the text as served (escaped, links as t.co).
        return xJson({ data: { id: tweet.id, text: tweetText(tweet) } }, 201);
      },
    },
    {
      method: 'POST',
      pattern: '2/dm_conversations/with/:participant_id/messages',
      handler: (ctx) => {
        const refused = checkParticipant(store, ctx);
        if (refused) return refused;
        const { req, params, callerId } = ctx;
        const participant = params.participant_id!;
        if (store.user(participant)?.accepts_dms === false) return directMessageForbidden();
        const text = textOf(jsonBody(req.body), dmTooLong, `${MAX_DM_CHARACTERS} characters`);
        if (typeof text !== 'string') return text;
        const conversationId = oneToOneConversationId(callerId, participant);
        const eventId = snowflakeAt(store.now(), journal.list().length & 0xfff);
        dms.add({
          id: eventId,
          text,
          sender_id: callerId,
          dm_conversation_id: conversationId,
          created_at: new Date(store.now()).toISOString(),
        });
        journal.record({
          platform: 'x',
          action: 'direct_message',
          actorId: callerId,
          id: eventId,
          targetId: participant,
          text,
        });
        return xJson({ data: { dm_conversation_id: conversationId, dm_event_id: eventId } }, 201);
      },
    },
  ];
}
