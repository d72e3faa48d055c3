import { z } from 'zod';
import type { GraphStore } from './graph-store';
import type { GraphWebhooks } from './graph-webhooks';
import { WebhookSetupError } from './graph-webhooks';
import type { EmuRequest, EmuResponse } from './http-kit';

const GraphId = z.string().regex(/^[0-9]+(_[0-9]+)?$/);

/** A post published on a Page, now or at a date in the past (a post weeks old). */
const PostInputSchema = z
  .object({
    page_id: GraphId,
    message: z.string().min(1).max(10_000),
    created_time: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** A person's comment on a post, or a reply to a comment. */
const CommentInputSchema = z
  .object({
    post_id: GraphId,
    parent_id: GraphId.optional(),
    from: z.object({ id: z.string().regex(/^[0-9]+$/), name: z.string().min(1).max(100) }).strict(),
    message: z.string().min(1).max(8000),
  })
  .strict();

/** Its author edits a comment, or the Page (or Facebook) hides or shows it. */
const CommentChangeSchema = z.union([
  z.object({ message: z.string().min(1).max(8000) }).strict(),
  z.object({ is_hidden: z.boolean() }).strict(),
]);

const WebhookInputSchema = z
  .object({ callback_url: z.url({ protocol: /^https?$/ }), verify_token: z.string().min(1) })
  .strict();

const json = (status: number, body: unknown): EmuResponse => ({ status, headers: {}, body });

/**
 * Test and demo controls of the Facebook side, under `/__emulator/`:
 * - `POST facebook/posts` `{page_id, message, created_time?}` publishes a post (dated in the past
 *   with `created_time`);
 * - `POST facebook/comments` `{post_id, parent_id?, from: {id, name}, message}`: a person comments;
 * - `POST facebook/comments/:id` `{message}` (the author edits it) or `{is_hidden}` (hidden or
 *   shown); `DELETE facebook/comments/:id` removes it;
 * - `POST webhooks` `{callback_url, verify_token}` sets the app's Page webhook after the callback
 *   answers the verification request; `DELETE webhooks` removes it; `GET webhooks` lists the
 *   deliveries.
 * Each change of a comment is delivered to the webhook of a Page subscribed to `feed`.
 */
export async function graphAdminAnswer(
  request: EmuRequest,
  targets: { store: GraphStore; webhooks: GraphWebhooks },
): Promise<EmuResponse> {
  const { store, webhooks } = targets;
  const [, area, what, id] = request.segments;
  let body: unknown = null;
  try {
    body = JSON.parse(request.body || '{}');
  } catch {
    return json(400, { error: 'the body is not JSON' });
  }
  const method = request.method;
  if (area === 'webhooks' && what === undefined) {
    if (method === 'GET') return json(200, webhooks.status());
    if (method === 'DELETE') {
      webhooks.unsubscribe();
      return json(200, { removed: true });
    }
    if (method === 'POST') {
      const input = WebhookInputSchema.safeParse(body);
      if (!input.success)
        return json(400, { error: 'invalid webhook', issues: input.error.issues });
      try {
        await webhooks.subscribe({
          callbackUrl: input.data.callback_url,
          verifyToken: input.data.verify_token,
        });
      } catch (err) {
        if (err instanceof WebhookSetupError) return json(400, { error: err.message });
        throw err;
      }
      return json(201, { callback_url: input.data.callback_url });
    }
  }
  if (area === 'facebook' && what === 'posts' && id === undefined && method === 'POST') {
    const input = PostInputSchema.safeParse(body);
    if (!input.success) return json(400, { error: 'invalid post', issues: input.error.issues });
    if (!store.page(input.data.page_id)) return json(404, { error: 'no such Page' });
    const post = store.addPost({
      pageId: input.data.page_id,
      message: input.data.message,
      ...(input.data.created_time ? { createdMs: Date.parse(input.data.created_time) } : {}),
    });
    return json(201, { data: { id: post.id, created_time: post.created_time } });
  }
  if (area === 'facebook' && what === 'comments' && id === undefined && method === 'POST') {
    const input = CommentInputSchema.safeParse(body);
    if (!input.success) return json(400, { error: 'invalid comment', issues: input.error.issues });
    const target = store.object(input.data.parent_id ?? input.data.post_id);
    if (!target || target.kind === 'page') return json(404, { error: 'no such post or comment' });
    if (store.page(input.data.from.id))
      return json(400, { error: 'the Page comments through the Graph API' });
    store.addPerson(input.data.from);
    const comment = store.addComment({
      target,
      fromId: input.data.from.id,
      message: input.data.message,
    });
    return json(201, { data: { id: comment.id } });
  }
  if (area === 'facebook' && what === 'comments' && id !== undefined) {
    if (!store.comment(id)) return json(404, { error: 'no such comment' });
    if (method === 'DELETE') {
      store.removeComment(id);
      return json(200, { success: true });
    }
    if (method === 'POST') {
      const input = CommentChangeSchema.safeParse(body);
      if (!input.success)
        return json(400, {
          error: 'expected {"message"} or {"is_hidden"}',
          issues: input.error.issues,
        });
      if ('message' in input.data) store.editComment(id, input.data.message);
      else store.setHidden(id, input.data.is_hidden);
      return json(200, { success: true });
    }
  }
  return json(404, { error: `No admin endpoint ${method} ${request.url.pathname}` });
}
