import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiMethods, httpRoutes, idempotencyKeyOf, mayCall, toErrorBody } from '../shared';
import type { Agent, ApiMethodName, CallContext, Envelope, InboxApi } from '../shared';
import type { IdempotencyGuard } from '../core/idempotency/idempotency-guard';
import { NOT_SIGNED_IN, send } from './reply';
import { clientOf, tokenOf } from './session';
import { tooManySignIns } from './sign-in-guard';
import type { SignInAttempts } from './sign-in-guard';

export interface ApiRouteOptions {
  api: InboxApi;
  /** The agent a token belongs to (read again where another replica may have just made it). */
  authenticate: (token: string) => Agent | null | Promise<Agent | null>;
  /** Counts a call made with a token that signs nobody in, as a sign-in attempt. */
  attempts: SignInAttempts;
  /** A desktop app signed in (it asks who its token belongs to when it joins or starts). */
  signedIn: (agent: Agent, token: string, client: string, request: FastifyRequest) => void;
  /** Answers writes sent again with the same Idempotency-Key; without it, keys are ignored. */
  idempotency?: IdempotencyGuard;
}

/**
 * The InboxApi as JSON routes. Who calls is settled when the request arrives, before its body is
 * read (a caller without a valid token gets 401 for nothing); then the role, then the input,
 * validated with the call's shared schema.
 */
export function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): void {
  const callers = new WeakMap<FastifyRequest, { agent: Agent; token: string }>();

  const signedInFirst = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = tokenOf(request.headers);
    const agent = token ? await options.authenticate(token) : null;
    if (token && agent) {
      callers.set(request, { agent, token });
      return;
    }
    // A token that signs nobody in counts as a sign-in attempt of the address.
    const wait = token ? await options.attempts(request) : null;
    if (wait) {
      reply.header('retry-after', String(wait.retryAfterS));
      return send(reply, { ok: false, error: tooManySignIns(wait.retryAfterS) });
    }
    return send(reply, { ok: false, error: NOT_SIGNED_IN });
  };

  for (const name of Object.keys(httpRoutes) as ApiMethodName[]) {
    const route = httpRoutes[name];
    app.route({
      method: route.method,
      url: route.path,
      onRequest: signedInFirst,
      handler: (request, reply) => {
        const { agent, token } = callers.get(request)!;
        if (!mayCall(agent, name)) {
          return send(reply, {
            ok: false,
            error: { code: 'forbidden', message: 'Only a manager may do this' },
          });
        }
        const client = clientOf(request.headers);
        if (name === 'whoAmI' && client.startsWith('desktop:'))
          options.signedIn(agent, token, client, request);
        return handleCall(options, name, { agent, client }, request, reply);
      },
    });
  }
}

async function handleCall(
  options: Pick<ApiRouteOptions, 'api' | 'idempotency'>,
  name: ApiMethodName,
  context: CallContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const method = apiMethods[name];
  // Writes may carry an Idempotency-Key (GETs change nothing: theirs is ignored).
  const keyed = request.method === 'GET' ? { key: null } : idempotencyKeyOf(request.headers);
  if ('error' in keyed) return send(reply, { ok: false, error: keyed.error });
  const raw = {
    ...(request.method === 'GET' ? (request.query as object) : ((request.body as object) ?? {})),
    ...(request.params as object),
  };
  const parsed = method.input.safeParse(raw);
  if (!parsed.success) {
    return send(reply, { ok: false, error: toErrorBody(parsed.error) });
  }
  const { api } = options;
  if (name === 'listConversations' && listsAsJson(api))
    return sendJsonPage(api, parsed.data, context, request, reply);
  const answer = () => answerCall(api, name, parsed.data, context, request);
  const { idempotency } = options;
  const envelope =
    keyed.key != null && idempotency
      ? await idempotency.run(
          { agentId: context.agent.id, key: keyed.key, method: name, input: parsed.data },
          answer,
        )
      : await answer();
  return send(reply, envelope);
}

/** An api that gives a list's page as JSON text, made (on its list thread) and checked already. */
interface ListsAsJson {
  listConversationsJson(input: unknown, context: CallContext): Promise<string>;
}

function listsAsJson(api: InboxApi): api is InboxApi & ListsAsJson {
  return typeof (api as Partial<ListsAsJson>).listConversationsJson === 'function';
}

/**
 * Answers a list with its page's JSON text as it came, inside the envelope: the page is the
 * largest answer the UI asks for, and the most asked; parsing and writing it again here would take
 * the event loop that the team's writes wait for.
 */
async function sendJsonPage(
  api: ListsAsJson,
  input: unknown,
  context: CallContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  let page: string;
  try {
    page = await api.listConversationsJson(input, context);
  } catch (err) {
    const error = toErrorBody(err);
    if (error.code === 'internal') request.log.error({ err }, 'listConversations failed');
    return send(reply, { ok: false, error });
  }
  return reply
    .code(200)
    .type('application/json; charset=utf-8')
    .send(`{"ok":true,"result":${page}}`);
}

/** Runs one validated call and answers it as an Envelope, errors included. */
async function answerCall(
  api: InboxApi,
  name: ApiMethodName,
  input: unknown,
  context: CallContext,
  request: FastifyRequest,
): Promise<Envelope<unknown>> {
  const method = apiMethods[name];
  try {
    const call = api[name] as (input: unknown, context: CallContext) => Promise<unknown>;
    const result = method.output.safeParse(await call.call(api, input, context));
    if (!result.success) {
      request.log.error(
        { issues: result.error.issues.length },
        `${name} returned an invalid result`,
      );
      return { ok: false, error: { code: 'internal', message: 'Internal error' } };
    }
    return { ok: true, result: result.data };
  } catch (err) {
    const error = toErrorBody(err);
    if (error.code === 'internal') request.log.error({ err }, `${name} failed`);
    return { ok: false, error };
  }
}
