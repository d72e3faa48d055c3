import { GraphError, badParameter, unsupportedRequest } from './graph-errors';
import type { GraphCall } from './graph-routes';
import { objectId } from './graph-store';
import type { EmuRequest } from './http-kit';
import type { WriteJournal } from './journal';

const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 60 * 60_000;

/**
 * A Graph request's parameters: the query, then the body (form-encoded or JSON), as Graph reads both.
 * Object values of a JSON body come back as JSON text (`recipient`, `message`).
 */
export function requestParams(req: EmuRequest): (name: string) => string | null {
  const body = new Map<string, string>();
  const type = String(req.headers['content-type'] ?? '');
  if (req.body !== '') {
    if (type.includes('application/json')) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(req.body);
      } catch {
        throw badParameter('The request body is not valid JSON');
      }
      if (parsed !== null && typeof parsed === 'object')
        for (const [k, v] of Object.entries(parsed))
          body.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    } else {
      for (const [k, v] of new URLSearchParams(req.body)) body.set(k, v);
    }
  }
  return (name) => body.get(name) ?? req.query.get(name);
}

function jsonParam(
  param: (name: string) => string | null,
  name: string,
): Record<string, unknown> | null {
  const raw = param(name);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The writes a Page token may make: `POST /:id/comments` (a public reply), `POST /:comment-id` with
 * `is_hidden`, `POST /:page-id/messages` with `recipient.comment_id` (a private reply), and
 * `POST /:page-id/feed` with `message` (a post on the Page).
 */
export function graphWrite(call: GraphCall, edge: string | null, journal: WriteJournal): unknown {
  const { object, param, render, pageId, req } = call;
  const store = render.store;
  if (req.method !== 'POST') throw unsupportedRequest('delete', objectId(object));
  if (edge === 'comments' && object.kind !== 'page') {
    const message = param('message');
    if (message === null || message.trim() === '')
      throw badParameter('Missing message or attachment');
    const comment = store.addComment({ target: object, fromId: pageId, message });
    journal.record({
      platform: 'facebook',
      action: 'comment',
      actorId: pageId,
      id: comment.id,
      targetId: objectId(object),
      text: message,
    });
    return { id: comment.id };
  }
  if (edge === null && object.kind === 'comment') {
    const hidden = param('is_hidden');
    if (hidden !== 'true' && hidden !== 'false')
      throw badParameter('Param is_hidden must be a boolean');
    if (object.comment.from_id === pageId) throw badParameter('A Page cannot hide its own comment');
    store.setHidden(object.comment.id, hidden === 'true');
    journal.record({
      platform: 'facebook',
      action: hidden === 'true' ? 'hide' : 'unhide',
      actorId: pageId,
      id: object.comment.id,
    });
    return { success: true };
  }
  if (edge === 'messages' && object.kind === 'page') return privateReply(call, journal);
  if (edge === 'feed' && object.kind === 'page') {
    if (object.page.id !== pageId)
      throw new GraphError(
        403,
        '(#200) The user hasn’t authorized the application to perform this action',
        'OAuthException',
        200,
      );
    const message = param('message');
    if (message === null || message.trim() === '')
      throw badParameter('Missing message or attachment');
    const post = store.addPost({ pageId, message });
    journal.record({
      platform: 'facebook',
      action: 'publish',
      actorId: pageId,
      id: post.id,
      targetId: pageId,
      text: message,
    });
    return { id: post.id };
  }
  throw unsupportedRequest('post', objectId(object));
}

function privateReply(call: GraphCall, journal: WriteJournal): unknown {
  const { param, render, pageId } = call;
  const store = render.store;
  const commentId = jsonParam(param, 'recipient')?.comment_id;
  const text = jsonParam(param, 'message')?.text;
  if (typeof commentId !== 'string')
    throw badParameter('param recipient must be an object with comment_id');
  if (typeof text !== 'string' || text.trim() === '')
    throw badParameter('param message must be an object with text');
  const target = store.object(commentId);
  if (!target || target.kind !== 'comment' || target.page.id !== pageId)
    throw new GraphError(400, '(#100) No matching user found', 'OAuthException', 100, {
      error_subcode: 2018001,
    });
  const comment = target.comment;
  if (store.isPrivatelyAnswered(comment.id))
    throw new GraphError(400, '(#10900) Activity already replied to', 'OAuthException', 10900);
  if (comment.from_id === pageId || render.now() - comment.createdMs >= PRIVATE_REPLY_WINDOW_MS)
    throw new GraphError(
      400,
      '(#10903) This activity can not be replied to',
      'OAuthException',
      10903,
    );
  store.markPrivatelyAnswered(comment.id);
  const messageId = `m_${Buffer.from(`${comment.id}:${journal.list().length}`).toString('base64url')}`;
  journal.record({
    platform: 'facebook',
    action: 'private_reply',
    actorId: pageId,
    id: messageId,
    targetId: comment.id,
    text,
  });
  return { recipient_id: `${comment.from_id}0`, message_id: messageId };
}
