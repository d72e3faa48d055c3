import { createHmac } from 'node:crypto';
import {
  GraphError,
  badParameter,
  invalidToken,
  missingToken,
  nonexistingField,
  unknownPath,
  unsupportedRequest,
} from './graph-errors';
import {
  DEFAULT_COMMENT_FIELDS,
  DEFAULT_PAGE_FIELDS,
  DEFAULT_POST_FIELDS,
  requestedFields,
} from './graph-fields';
import { commentsPage, feedPage, parseCommentOptions, parseListParams } from './graph-lists';
import { listBody } from './graph-paging';
import { renderComment, renderPage, renderPost } from './graph-render';
import type { RenderContext } from './graph-render';
import type { GraphCaller, GraphOAuth } from './graph-oauth';
import { objectId } from './graph-store';
import type { GraphObject, GraphStore } from './graph-store';
import { SCENARIO_PAGE_SCOPES, checkPermissions } from './graph-permissions';
import type { GraphUsage, Throttle } from './graph-usage';
import { servedVersion } from './graph-versions';
import type { GraphWebhooks } from './graph-webhooks';
import { userRoute } from './graph-user';
import { graphWrite, requestParams } from './graph-writes';
import { bearerToken } from './http-kit';
import type { EmuRequest, EmuResponse } from './http-kit';
import { randomToken } from './ids';
import type { WriteJournal } from './journal';

export { LATEST_GRAPH_VERSION } from './graph-versions';
const FB_REV = '1019872384';

export interface GraphApiOptions {
  store: GraphStore;
  usage: GraphUsage;
  journal: WriteJournal;
  now: () => number;
  /** The app's secret: when set, an `appsecret_proof` given must match (HMAC-SHA256 of the token). */
  appSecret?: string;
  /** The app's "Require App Secret" setting: calls without a proof are refused. */
  requireProof?: boolean;
  /** Facebook Login: `/oauth/access_token`, `debug_token`, user tokens and the Page tokens they give. */
  oauth: GraphOAuth;
  /** Page webhooks: `/{page-id}/subscribed_apps`. */
  webhooks?: GraphWebhooks;
}

/** What a Graph handler works with: the caller's Page, the object addressed and the parameters. */
export interface GraphCall {
  req: EmuRequest;
  /** What the Graph plays instead of an answer on this call (an injected fault), if anything. */
  play: GraphPlay | null;
  pageId: string;
  object: GraphObject;
  param: (name: string) => string | null;
  render: RenderContext;
}

/**
 * Faults that Graph itself plays, after the token is read: a throttle (code 4, 17, 32 or 80001, with
 * the usage headers), or a list page that comes back empty and still has `next`.
 */
export type GraphPlay = ({ kind: 'throttle' } & Throttle) | { kind: 'empty-page' };

const nodeType = (object: GraphObject) =>
  object.kind === 'page' ? 'Page' : object.kind === 'post' ? 'Post' : 'Comment';

/**
 * The Graph API under `/graph/:version`: a Page access token (query `access_token` or a Bearer
 * header), usage counting, then nodes (`/:id`) and edges (`/:id/feed`, `/:id/comments`, ...). A user
 * token from Facebook Login reaches the person's own routes (`graph-user.ts`); the OAuth endpoints
 * authenticate the app instead of a token.
 */
export function createGraphApi(
  options: GraphApiOptions,
): (req: EmuRequest, play?: GraphPlay | null) => Promise<EmuResponse> {
  const { store, usage } = options;
  return async (req, play = null) => {
    const traceId = randomToken(11);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=UTF-8',
      'x-fb-trace-id': traceId,
      'x-fb-rev': FB_REV,
    };
    let pageId: string | null = null;
    try {
      headers['facebook-api-version'] = servedVersion(req.segments[0] ?? '', options.now());
      const param = requestParams(req);
      const token = param('access_token') ?? bearerToken(req.headers, ['bearer', 'oauth']);
      const path = req.segments.slice(1).join('/');
      if (path === 'oauth/access_token' || path === 'debug_token') {
        const counted = usage.take(null);
        Object.assign(headers, counted.headers);
        if (counted.refusal) throw counted.refusal;
        const body =
          path === 'debug_token'
            ? options.oauth.debugToken(param, token)
            : options.oauth.accessToken(param);
        return { status: 200, headers, body };
      }
      if (token === null) throw missingToken();
      const caller = resolveCaller(options, token);
      pageId = caller.kind === 'page' ? caller.pageId : null;
      checkProof(options, token, param('appsecret_proof'));
      if (play?.kind === 'throttle') {
        const played = usage.throttle(pageId, play);
        Object.assign(headers, played.headers);
        throw played.error;
      }
      const counted = usage.take(pageId);
      Object.assign(headers, counted.headers);
      if (counted.refusal) throw counted.refusal;
      const body =
        caller.kind === 'page'
          ? await route(options, req, caller, param, play)
          : userRoute({
              req,
              admin: caller.admin,
              token: caller.token,
              param,
              oauth: options.oauth,
              store,
            });
      return { status: 200, headers, body };
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      if (!('x-app-usage' in headers) && !('x-business-use-case-usage' in headers))
        Object.assign(headers, usage.take(pageId).headers);
      return { status: err.status, headers, body: err.body(traceId) };
    }
  };
}

/** A scenario Page token, else a token Facebook Login issued (which may throw 190/458 or 190/463). */
function resolveCaller(options: GraphApiOptions, token: string): GraphCaller {
  const pageId = options.store.pageIdForToken(token);
  if (pageId !== null)
    return {
      kind: 'page',
      pageId,
      scopes: options.store.page(pageId)?.scopes ?? SCENARIO_PAGE_SCOPES,
    };
  const caller = options.oauth.caller(token);
  if (caller === null) throw invalidToken();
  return caller;
}

function checkProof(options: GraphApiOptions, token: string, proof: string | null): void {
  if (!options.appSecret) return;
  if (proof === null) {
    if (options.requireProof)
      throw badParameter('API calls from the server require an appsecret_proof argument');
    return;
  }
  const expected = createHmac('sha256', options.appSecret).update(token).digest('hex');
  if (proof !== expected)
    throw badParameter('Invalid appsecret_proof provided in the API argument');
}

async function route(
  options: GraphApiOptions,
  req: EmuRequest,
  caller: Extract<GraphCaller, { kind: 'page' }>,
  param: (name: string) => string | null,
  play: GraphPlay | null,
): Promise<unknown> {
  const { store } = options;
  const { pageId } = caller;
  const rest = req.segments.slice(1);
  if (rest.length === 0 || rest.length > 2) throw unknownPath(`/${rest.slice(2).join('/')}`);
  const method = req.method === 'POST' ? 'post' : req.method === 'DELETE' ? 'delete' : 'get';
  const id = rest[0] === 'me' ? pageId : rest[0]!;
  const object = store.object(id);
  if (!object || object.page.id !== pageId || (method === 'get' && req.method !== 'GET'))
    throw unsupportedRequest(method, id);
  checkPermissions(
    caller.scopes,
    method === 'get'
      ? { method, edge: rest[1] ?? null }
      : { method: 'post', target: object.kind, edge: rest[1] ?? null },
  );
  const render: RenderContext = {
    store,
    now: options.now,
    edgeUrl: (nodeId, edge) => {
      const url = new URL(`${req.url.origin}/graph/${req.segments[0]}/${nodeId}/${edge}`);
      const token = req.query.get('access_token');
      if (token !== null) url.searchParams.set('access_token', token);
      return url;
    },
  };
  const call: GraphCall = { req, play, pageId, object, param, render };
  if (rest[1] === 'subscribed_apps' && object.kind === 'page' && options.webhooks)
    return options.webhooks.subscribedApps(pageId, req.method, param);
  if (method !== 'get') return graphWrite(call, rest[1] ?? null, options.journal);
  return rest.length === 1 ? readNode(call) : readEdge(call, rest[1]!);
}

function readNode({ object, param, render }: GraphCall): unknown {
  const raw = param('fields');
  switch (object.kind) {
    case 'page':
      return renderPage(object.page, requestedFields(raw, DEFAULT_PAGE_FIELDS));
    case 'post':
      return renderPost(
        render,
        object.post,
        object.page,
        requestedFields(raw, DEFAULT_POST_FIELDS),
      );
    case 'comment':
      return renderComment(
        render,
        object.comment,
        object.page,
        requestedFields(raw, DEFAULT_COMMENT_FIELDS),
      );
  }
}

function readEdge(call: GraphCall, edge: string): unknown {
  const { object, param, render, req } = call;
  if (call.play?.kind === 'empty-page') return emptyPageWithNext(req.url);
  const fields = param('fields');
  if (
    object.kind === 'page' &&
    (edge === 'feed' || edge === 'posts' || edge === 'published_posts')
  ) {
    const specs = requestedFields(fields, DEFAULT_POST_FIELDS);
    const page = feedPage(render.store, object.page.id, parseListParams(param));
    const data = page.items.map((p) => renderPost(render, p, object.page, specs));
    return listBody(page, data, req.url);
  }
  if (object.kind !== 'page' && edge === 'comments') {
    const id = objectId(object);
    const specs = requestedFields(fields, DEFAULT_COMMENT_FIELDS);
    const options = parseCommentOptions(param);
    const { page, total } = commentsPage(render.store, id, parseListParams(param), options);
    // Cut first, then what the Page may not see is left out: a page may be short, or empty.
    const data = page.items
      .filter((c) => !c.unavailable)
      .map((c) => renderComment(render, c, object.page, specs));
    const summary = options.summary
      ? { summary: { order: options.order, total_count: total, can_comment: true } }
      : {};
    return listBody(page, data, req.url, summary);
  }
  throw nonexistingField(edge, nodeType(object));
}

/**
 * A list page with nothing in it that still points to the rest: the same request again, so the
 * items come on the next page. Graph does this when it drops what it may not show after cutting
 * the page (developers.facebook.com/docs/graph-api/results).
 */
function emptyPageWithNext(url: URL): Record<string, unknown> {
  return { data: [], paging: { next: url.href } };
}
