import {
  COMMENT_FIELDS,
  DEFAULT_COMMENT_FIELDS,
  PAGE_FIELDS,
  POST_FIELDS,
  checkFields,
  pick,
  requestedFields,
} from './graph-fields';
import type { FieldSpec } from './graph-fields';
import { DEFAULT_LIMIT, MAX_LIMIT, commentsPage, parseCommentOptions } from './graph-lists';
import { listBody } from './graph-paging';
import type { GraphComment, GraphPage, GraphPost, GraphStore } from './graph-store';
import { graphIdParts } from './ids';

type Json = Record<string, unknown>;

export interface RenderContext {
  store: GraphStore;
  now: () => number;
  /** Absolute URL of an object's edge, carrying the client's query access_token if it sent one. */
  edgeUrl(objectId: string, edge: string): URL;
}

const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 60 * 60_000;

/** Graph's date format: `2026-11-20T09:02:00+0000`. */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export function renderPage(page: GraphPage, specs: FieldSpec[]): Json {
  checkFields(specs, PAGE_FIELDS, 'Page');
  const values: Json = {
    id: page.id,
    name: page.name,
    category: page.category,
    fan_count: page.fan_count,
    followers_count: page.fan_count,
    link: `https://www.facebook.com/${page.id}`,
  };
  const out: Json = {};
  for (const spec of specs) out[spec.name] = values[spec.name];
  out.id = page.id;
  return out;
}

export function renderPost(
  ctx: RenderContext,
  post: GraphPost,
  page: GraphPage,
  specs: FieldSpec[],
): Json {
  checkFields(specs, POST_FIELDS, 'Post');
  const out: Json = {};
  for (const spec of specs) {
    switch (spec.name) {
      case 'id':
        out.id = post.id;
        break;
      case 'message':
        out.message = post.message;
        break;
      case 'created_time':
        out.created_time = graphTime(post.createdMs);
        break;
      case 'updated_time':
        out.updated_time = graphTime(ctx.store.lastActivityMs(post));
        break;
      case 'permalink_url':
        out.permalink_url = `https://www.facebook.com/${page.id}/posts/${graphIdParts(post.id).right}`;
        break;
      case 'from':
        out.from = pick({ name: page.name, id: page.id }, spec.sub);
        break;
      case 'application':
        if (post.application) out.application = pick({ ...post.application }, spec.sub);
        break;
      case 'status_type':
        out.status_type = 'mobile_status_update';
        break;
      case 'is_hidden':
        out.is_hidden = false;
        break;
      case 'is_published':
        out.is_published = true;
        break;
      case 'can_reply_privately':
        out.can_reply_privately = false;
        break;
      case 'comments':
        out.comments = nestedComments(ctx, post.id, spec);
        break;
      // parent_id, story, message_tags, attachments, full_picture, shares: scenarios have none.
    }
  }
  out.id = post.id; // Graph always sends a node's id
  return out;
}

export function renderComment(
  ctx: RenderContext,
  comment: GraphComment,
  page: GraphPage,
  specs: FieldSpec[],
): Json {
  checkFields(specs, COMMENT_FIELDS, 'Comment');
  const { store } = ctx;
  const byPage = comment.from_id === page.id;
  const out: Json = {};
  for (const spec of specs) {
    switch (spec.name) {
      case 'id':
        out.id = comment.id;
        break;
      case 'message':
        out.message = comment.message;
        break;
      case 'created_time':
        out.created_time = graphTime(comment.createdMs);
        break;
      case 'from': {
        const author = store.author(comment.from_id);
        if (author) out.from = pick({ name: author.name, id: author.id }, spec.sub);
        break;
      }
      case 'parent': {
        const parent = comment.parent_id === undefined ? null : store.comment(comment.parent_id);
        if (parent)
          out.parent = renderComment(
            ctx,
            parent,
            page,
            spec.sub ?? requestedFields(null, DEFAULT_COMMENT_FIELDS),
          );
        break;
      }
      case 'permalink_url':
        out.permalink_url = permalinkOf(store, comment, page);
        break;
      case 'can_reply_privately':
        out.can_reply_privately =
          !byPage &&
          store.page(comment.from_id) === null &&
          ctx.now() - comment.createdMs < PRIVATE_REPLY_WINDOW_MS &&
          !store.isPrivatelyAnswered(comment.id);
        break;
      case 'is_hidden':
        out.is_hidden = comment.is_hidden;
        break;
      case 'attachment':
        if (comment.attachment) out.attachment = renderAttachment(comment.attachment);
        break;
      case 'application':
        if (comment.application) out.application = pick({ ...comment.application }, spec.sub);
        break;
      case 'can_hide':
        out.can_hide = !byPage;
        break;
      case 'can_remove':
      case 'can_like':
        out[spec.name] = true;
        break;
      case 'can_comment':
        out.can_comment = true;
        break;
      case 'comment_count': {
        const replies = store.commentsUnder(comment.id, 'toplevel');
        out.comment_count = replies.end - replies.start;
        break;
      }
      case 'like_count':
        out.like_count = comment.like_count;
        break;
      case 'object':
        out.object = pick({ id: comment.post_id }, spec.sub);
        break;
      case 'is_private':
      case 'user_likes':
        out[spec.name] = false;
        break;
      case 'comments':
        out.comments = nestedComments(ctx, comment.id, spec);
        break;
      // message_tags, private_reply_conversation, admin_creator: scenarios have none.
    }
  }
  out.id = comment.id; // Graph always sends a node's id
  return out;
}

function permalinkOf(store: GraphStore, comment: GraphComment, page: GraphPage): string {
  const post = graphIdParts(comment.post_id).right;
  const base = `https://www.facebook.com/${page.id}/posts/${post}?comment_id=`;
  if (comment.parent_id === undefined) return base + graphIdParts(comment.id).right;
  const parent = store.comment(comment.parent_id);
  const top = graphIdParts(parent?.id ?? comment.parent_id).right;
  return `${base}${top}&reply_comment_id=${graphIdParts(comment.id).right}`;
}

function renderAttachment(a: NonNullable<GraphComment['attachment']>): Json {
  return {
    type: a.type,
    ...(a.url !== undefined ? { url: a.url, target: { url: a.url } } : {}),
    ...(a.title !== undefined ? { title: a.title } : {}),
    ...(a.description !== undefined ? { description: a.description } : {}),
    ...(a.image_src !== undefined
      ? { media: { image: { src: a.image_src, width: 720, height: 720 } } }
      : {}),
  };
}

/** A `comments` field (`comments.limit(5).summary(true){message}`): the first page of the edge. */
function nestedComments(ctx: RenderContext, objectId: string, spec: FieldSpec): Json {
  const get = (name: string) => spec.modifiers[name] ?? null;
  const options = parseCommentOptions(get);
  const rawLimit = get('limit');
  const limit =
    rawLimit !== null && /^\d+$/.test(rawLimit)
      ? Math.min(MAX_LIMIT, Number(rawLimit))
      : DEFAULT_LIMIT;
  const params = { limit, after: null, before: null, sinceMs: null, untilMs: null };
  const { page, total } = commentsPage(ctx.store, objectId, params, options);
  const specs = spec.sub ?? requestedFields(null, DEFAULT_COMMENT_FIELDS);
  const owner = ctx.store.object(objectId);
  const ownerPage = owner?.kind === 'post' || owner?.kind === 'comment' ? owner.page : null;
  const data = ownerPage
    ? page.items.filter((c) => !c.unavailable).map((c) => renderComment(ctx, c, ownerPage, specs))
    : [];
  const url = ctx.edgeUrl(objectId, 'comments');
  url.searchParams.set('limit', String(limit));
  if (options.filter !== 'toplevel') url.searchParams.set('filter', options.filter);
  if (options.order !== 'chronological') url.searchParams.set('order', options.order);
  const summary = options.summary
    ? { summary: { order: options.order, total_count: total, can_comment: true } }
    : {};
  return listBody(page, data, url, summary);
}
