import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiMethods, httpRoutes, mayCall, toErrorBody } from '../shared';
import type { Agent, ApiMethodName, CallContext, InboxApi } from '../shared';
import { NOT_SIGNED_IN, send } from './reply';
import { clientOf, tokenOf } from './session';
import { tooManySignIns } from './sign-in-guard';
import type { SignInAttempts } from './sign-in-guard';

export interface ApiRouteOptions {
  api: InboxApi;
  authenticate: (token: string) => Agent | null;
  /** Counts a call made with a token that signs nobody in, as a sign-in attempt. */
  attempts: SignInAttempts;
  /** A desktop app signed in (it asks who its token belongs to when it joins or starts). */
  signedIn: (agent: Agent, token: string, client: string, request: FastifyRequest) => void;
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
    const agent = token ? options.authenticate(token) : null;
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
        return handleCall(options.api, name, { agent, client }, request, reply);
      },
    });
  }
}

async function handleCall(
  api: InboxApi,
  name: ApiMethodName,
  context: CallContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const method = apiMethods[name];
  const raw = {
    ...(request.method === 'GET' ? (request.query as object) : ((request.body as object) ?? {})),
    ...(request.params as object),
  };
  const parsed = method.input.safeParse(raw);
  if (!parsed.success) {
    return send(reply, { ok: false, error: toErrorBody(parsed.error) });
  }
  try {
    const call = api[name] as (input: unknown, context: CallContext) => Promise<unknown>;
    const result = method.output.safeParse(await call.call(api, parsed.data, context));
    if (!result.success) {
      request.log.error(
        { issues: result.error.issues.length },
        `${name} returned an invalid result`,
      );
      return send(reply, { ok: false, error: { code: 'internal', message: 'Internal error' } });
    }
    return send(reply, { ok: true, result: result.data });
  } catch (err) {
    const error = toErrorBody(err);
    if (error.code === 'internal') request.log.error({ err }, `${name} failed`);
    return send(reply, { ok: false, error });
  }
}
