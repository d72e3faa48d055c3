import { compareIds } from './ids';
import { encodePageToken, Checker } from './x-query';
import type { XContext, XRoute } from './x-context';
import { invalidRequest, xJson } from './x-problems';
import type { XStore } from './x-store';

/** One message of a one-to-one conversation, as `dm_events` serves it. */
export interface XDmEvent {
  id: string;
  text: string;
  sender_id: string;
  dm_conversation_id: string;
  created_at: string;
}

const DM_EVENT_FIELDS = [
  'id',
  'text',
  'event_type',
  'created_at',
  'dm_conversation_id',
  'sender_id',
  'participant_ids',
  'referenced_tweets',
  'attachments',
] as const;
const EVENT_TYPES = ['MessageCreate', 'ParticipantsJoin', 'ParticipantsLeave'] as const;
const DM_EVENTS_PARAMETERS = [
  'participant_id',
  'max_results',
  'pagination_token',
  'event_types',
  'dm_event.fields',
  'expansions',
  'user.fields',
  'tweet.fields',
  'media.fields',
];

/** `{smaller id}-{larger id}`, as X names a one-to-one conversation. */
export function oneToOneConversationId(a: string, b: string): string {
  return compareIds(a, b) < 0 ? `${a}-${b}` : `${b}-${a}`;
}

/** The direct messages sent through the emulator, by conversation, oldest first. */
export class XDirectMessages {
  private readonly byConversation = new Map<string, XDmEvent[]>();

  add(event: XDmEvent): void {
    const list = this.byConversation.get(event.dm_conversation_id) ?? [];
    list.push(event);
    this.byConversation.set(event.dm_conversation_id, list);
  }

  /** A one-to-one conversation's messages, newest first. */
  between(a: string, b: string): XDmEvent[] {
    return [...(this.byConversation.get(oneToOneConversationId(a, b)) ?? [])].reverse();
  }
}

/** Whether `participant` is someone the caller can have a one-to-one conversation with. */
export function checkParticipant(store: XStore, ctx: XContext): ReturnType<typeof xJson> | null {
  const participant = ctx.params.participant_id!;
  if (/^[0-9]{1,19}$/.test(participant) && store.user(participant) && participant !== ctx.callerId)
    return null;
  return invalidRequest([
    {
      parameters: { participant_id: [participant] },
      message: `The \`participant_id\` path parameter value [${participant}] is not a user you can message`,
    },
  ]);
}

/**
 * `GET /2/dm_conversations/with/:participant_id/dm_events`: the caller's one-to-one conversation
 * with a user, newest first, `max_results` (1–100, default 100) a page. Every message is a
 * `MessageCreate`; `id`, `event_type` and `text` are always served, the rest on request.
 */
export function xDmRoutes(store: XStore, dms: XDirectMessages): XRoute[] {
  return [
    {
      method: 'GET',
      pattern: '2/dm_conversations/with/:participant_id/dm_events',
      handler: (ctx) => {
        const refused = checkParticipant(store, ctx);
        if (refused) return refused;
        const check = new Checker(ctx.req.query);
        check.allowOnly(DM_EVENTS_PARAMETERS);
        const fields = check.list('dm_event.fields', DM_EVENT_FIELDS);
        const types = check.list('event_types', EVENT_TYPES);
        const maxResults = check.integer('max_results', 1, 100, 100);
        const page = check.pageToken('pagination_token');
        if (check.errors.length > 0) return invalidRequest(check.errors);
        const all =
          types.size > 0 && !types.has('MessageCreate')
            ? []
            : dms.between(ctx.callerId, ctx.params.participant_id!);
        const start = page ? all.findIndex((e) => compareIds(e.id, page.id) < 0) : 0;
        const items = start < 0 ? [] : all.slice(start, start + maxResults);
        if (items.length === 0) return xJson({ meta: { result_count: 0 } });
        const last = items[items.length - 1]!;
        const more = all.indexOf(last) < all.length - 1;
        return xJson({
          data: items.map((event) =>
            render(event, fields, ctx.callerId, ctx.params.participant_id!),
          ),
          meta: {
            result_count: items.length,
            ...(more ? { next_token: encodePageToken({ direction: 'next', id: last.id }) } : {}),
          },
        });
      },
    },
  ];
}

function render(
  event: XDmEvent,
  fields: Set<string>,
  callerId: string,
  participantId: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: event.id,
    event_type: 'MessageCreate',
    text: event.text,
  };
  if (fields.has('created_at')) out.created_at = event.created_at;
  if (fields.has('sender_id')) out.sender_id = event.sender_id;
  if (fields.has('dm_conversation_id')) out.dm_conversation_id = event.dm_conversation_id;
  if (fields.has('participant_ids')) out.participant_ids = [callerId, participantId];
  return out;
}
