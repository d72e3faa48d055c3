import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  EVENTS_PATH,
  apiMethods,
  httpRoutes,
  httpStatusOf,
  idempotencyKeyOf,
  mayCall,
  toErrorBody,
} from '../shared';
import type { Agent, ApiMethodName, CallContext, Envelope, ErrorBody, InboxApi } from '../shared';
import { SESSION_PATH, clientOf, sessionCookie, tokenOf } from './session';
import { SECURITY_HEADERS } from './security-headers';
import type { IdempotencyGuard } from '../core/idempotency/idempotency-guard';

export interface HubServerOptions {
  api: InboxApi;
  /** The agent a personal token belongs to, or null: every call but health and sign-in needs one. */
  authenticate: (token: string) => Agent | null;
  /** Told of each sign-in (for the audit trail); the sign-in does not wait for it. */
  onSignIn?: (agent: Agent, client: string) => Promise<void>;
  /** Folder of the built UI (out/web); the API alone is served when it is absent. */
  webRoot?: string | null;
  /** Log requests (never their headers or bodies). */
  logger?: boolean;
  /** An agent's last event connection closed (their presence goes with it). */
  onAgentLeft?: (agentId: string) => void;
  /** Answers writes sent again with the same Idempotency-Key; without it, keys are ignored. */
  idempotency?: IdempotencyGuard;
}

/**
 * The hub's HTTP face: the InboxApi as JSON routes (every input validated with the shared schemas,
 * every answer an Envelope), live events over WebSocket, and the built UI.
 */
export async function createHubServer(options: HubServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    const body: ErrorBody =
      status >= 400 && status < 500
        ? {
            code: status === 404 ? 'not_found' : 'bad_request',
            message: error.message ?? 'Bad request',
          }
        : toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void send(reply, { ok: false, error: body });
  });

  app.setNotFoundHandler((request, reply) => {
    void send(reply, {
      ok: false,
      error: {
        code: 'not_found',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });

  app.get('/api/health', async () => ({ ok: true }));

  // A browser signs in once with its personal token; the hub keeps it in an HttpOnly cookie.
  app.post(SESSION_PATH, async (request, reply) => {
    const token = (request.body as { token?: unknown } | null)?.token;
    const agent = typeof token === 'string' ? options.authenticate(token.trim()) : null;
    if (!agent) {
      return send(reply, {
        ok: false,
        error: { code: 'unauthorized', message: 'This token does not belong to any agent' },
      });
    }
    reply.header('set-cookie', sessionCookie(token as string, request.protocol === 'https'));
    void options.onSignIn?.(agent, clientOf(request.headers)).catch(() => undefined);
    return send(reply, { ok: true, result: agent });
  });
  app.delete(SESSION_PATH, async (request, reply) => {
    reply.header('set-cookie', sessionCookie(null, request.protocol === 'https'));
    return send(reply, { ok: true, result: { done: true } });
  });

  for (const name of Object.keys(httpRoutes) as ApiMethodName[]) {
    const route = httpRoutes[name];
    app.route({
      method: route.method,
      url: route.path,
      handler: (request, reply) => {
        const agent = signedIn(request, options.authenticate);
        if (!agent) return send(reply, { ok: false, error: NOT_SIGNED_IN });
        if (!mayCall(agent, name)) {
          return send(reply, {
            ok: false,
            error: { code: 'forbidden', message: 'Only a manager may do this' },
          });
        }
        const client = clientOf(request.headers);
        // The desktop app signs in by asking who its token belongs to, when it joins or starts.
        if (name === 'whoAmI' && client.startsWith('desktop:'))
          void options.onSignIn?.(agent, client).catch(() => undefined);
        return handleCall(options, name, { agent, client }, request, reply);
      },
    });
  }

  const sockets = connectionCounter();
  app.get(EVENTS_PATH, { websocket: true }, (socket, request) => {
    if (!sameOrigin(request)) {
      socket.close(1008, 'origin not allowed');
      return;
    }
    const agent = signedIn(request, options.authenticate);
    if (!agent) {
      socket.close(1008, 'sign in first');
      return;
    }
    const unsubscribe = options.api.onEvent((event) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
    });
    const leave = sockets.join(agent.id);
    const end = () => {
      unsubscribe();
      if (leave()) options.onAgentLeft?.(agent.id);
    };
    socket.on('close', end);
    socket.on('error', end);
  });

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, index: ['index.html'] });
  }
  return app;
}

/** Open event connections per agent; `join` returns `leave`, true when it was their last one. */
function connectionCounter(): { join(agentId: string): () => boolean } {
  const open = new Map<string, number>();
  return {
    join(agentId) {
      open.set(agentId, (open.get(agentId) ?? 0) + 1);
      let left = false;
      return () => {
        if (left) return false;
        left = true;
        const rest = (open.get(agentId) ?? 1) - 1;
        if (rest > 0) open.set(agentId, rest);
        else open.delete(agentId);
        return rest === 0;
      };
    },
  };
}

const NOT_SIGNED_IN: ErrorBody = {
  code: 'unauthorized',
  message: 'Sign in with your personal token',
};

function signedIn(
  request: FastifyRequest,
  authenticate: HubServerOptions['authenticate'],
): Agent | null {
  const token = tokenOf(request.headers);
  return token ? authenticate(token) : null;
}

async function handleCall(
  options: Pick<HubServerOptions, 'api' | 'idempotency'>,
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
  const answer = () => answerCall(options.api, name, parsed.data, context, request);
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

function send(reply: FastifyReply, envelope: Envelope<unknown>): FastifyReply {
  const status = envelope.ok ? 200 : httpStatusOf[envelope.error.code];
  return reply.code(status).type('application/json; charset=utf-8').send(envelope);
}

/** Browsers send Origin on WebSocket upgrades: only the hub's own pages may listen to events. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin == null) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
