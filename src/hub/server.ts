import { existsSync } from 'node:fs';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  EVENTS_PATH,
  EVENTS_SIGNED_OUT,
  HEALTH_PATH,
  READY_PATH,
  SignInInputSchema,
  toErrorBody,
} from '../shared';
import type { Agent, ErrorBody, HubHealth, HubReady, InboxApi } from '../shared';
import type { IdempotencyGuard } from '../core/idempotency/idempotency-guard';
import { registerApiRoutes } from './api-routes';
import { CLOSE_RESTARTING, EventSockets } from './event-sockets';
import type { EventSocketLimits } from './event-sockets';
import { LOOPBACK_NAMES, hostNameOf } from './host-check';
import { logRedaction, safeUrl } from './log';
import { requestErrorBody, send } from './reply';
import { SECURITY_HEADERS } from './security-headers';
import { SESSION_PATH, clientOf, sessionCookie, tokenOf } from './session';
import {
  DEFAULT_SIGN_IN_LIMIT,
  RecentSignIns,
  signInAttempts,
  tooManySignIns,
} from './sign-in-guard';
import type { SharedSignInAttempts } from './sign-in-guard';
import { loggedUrl, registerFacebookWebhooks } from './webhooks';
import type { FacebookWebhookOptions } from './webhooks';

export interface HubServerOptions {
  api: InboxApi;
  /** The agent a personal token belongs to, or null: every call but health and sign-in needs one. */
  authenticate: (token: string) => Agent | null;
  /**
   * Reads the team again (true: it changed), asked before a token is refused: where several hubs
   * share one database, an agent another hub created a moment ago signs in here at once.
   */
  refreshTeam?: () => Promise<boolean>;
  /**
   * Told of a sign-in worth recording (for the audit trail): the first of a token from one client
   * and address within an hour. The sign-in does not wait for it.
   */
  onSignIn?: (agent: Agent, client: string) => Promise<void>;
  /** Folder of the built UI (out/web); the API alone is served when it is absent. */
  webRoot?: string | null;
  /** Log requests that failed or were slow (never their headers or bodies). */
  logger?: boolean;
  /** Where the log goes (standard output unless told). */
  logStream?: NodeJS.WritableStream;
  /** An agent's last event connection closed (their presence goes with it). */
  onAgentLeft?: (agentId: string) => void;
  /**
   * Subscribes to changes of an agent's access (token renewed, role changed, removed): the hub
   * then closes that agent's event connections whose token no longer signs in. Returns unsubscribe.
   */
  onAgentChanged?: (listener: (agentId: string) => void) => () => void;
  /** Limits of the event connections (per agent, unread bytes); the defaults suit a team. */
  eventLimits?: Partial<EventSocketLimits>;
  /** Host names the hub answers for (the Host header), normalized; default: the loopback names. */
  allowedHosts?: ReadonlySet<string>;
  /** Serves HTTPS and WSS with this key and certificate (PEM) instead of plain HTTP. */
  tls?: { key: Buffer; cert: Buffer } | null;
  /** Sign-in attempts per client address and minute. */
  signInLimit?: number;
  /**
   * The reverse proxies whose X-Forwarded-For names the client (see the hub's --trusted-proxies);
   * none: the connection's address is the client's.
   */
  trustedProxies?: readonly string[];
  /** Where sign-in attempts are counted when several hubs share one database (else in memory). */
  sharedAttempts?: SharedSignInAttempts;
  /** Answers writes sent again with the same Idempotency-Key; without it, keys are ignored. */
  idempotency?: IdempotencyGuard;
  /** Serves `/webhooks/facebook` (Page webhooks), signed with the app secret. */
  facebookWebhooks?: FacebookWebhookOptions;
  /** What `/api/health` reports (the store, the sync leaders); `{ ok: true }` alone without it. */
  health?: () => Promise<HubHealth>;
  /** Whether the hub takes work (`/api/ready`); always ready without it. */
  readiness?: () => HubReady;
}

/** Largest request body the API reads; a sign-in's is much smaller. */
const BODY_LIMIT = 1024 * 1024;
const SIGN_IN_BODY_LIMIT = 4 * 1024;
/** A request that took this long is logged, as one that failed. */
const SLOW_REQUEST_MS = 1000;

/**
 * The hub's HTTP face: the InboxApi as JSON routes (every input validated with the shared schemas,
 * every answer an Envelope), live events over WebSocket, and the built UI. Every request must name
 * a host the hub answers for; calls are signed in before their body is read; sign-in attempts are
 * limited per address.
 */
export async function createHubServer(options: HubServerOptions): Promise<FastifyInstance> {
  const logger = options.logger
    ? {
        ...(options.logStream ? { stream: options.logStream } : {}),
        redact: logRedaction,
        serializers: {
          req: (request: FastifyRequest) => ({
            method: request.method,
            url: safeUrl(loggedUrl(request.url)),
            host: request.host,
            remoteAddress: request.ip,
          }),
        },
      }
    : false;
  // No line per request: at a team's pace (hundreds a second) writing them took a fifth of the
  // event loop. The reverse proxy in front keeps access logs; the hub logs what went wrong or slow.
  const settings = {
    logger,
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
    bodyLimit: BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
  };
  // The HTTPS server has other types than the plain one, and the same routes.
  const app = (options.tls
    ? Fastify({ ...settings, https: options.tls })
    : Fastify(settings)) as unknown as FastifyInstance;
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    if (reply.statusCode >= 500 || ms >= SLOW_REQUEST_MS)
      request.log.warn(
        { req: request, statusCode: reply.statusCode, responseTime: Math.round(ms) },
        reply.statusCode >= 500 ? 'request failed' : 'slow request',
      );
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 64 * 1024 },
    // Closing: every event connection is told the hub restarts (1012), so its client connects
    // again, through the proxy, to another replica; one that does not answer is cut off.
    preClose(done) {
      for (const client of this.websocketServer.clients) {
        client.close(CLOSE_RESTARTING.code, CLOSE_RESTARTING.reason);
        setTimeout(() => client.terminate(), CLOSE_RESTARTING.graceMs).unref();
      }
      this.websocketServer.close();
      done();
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  // JSON only: a text/plain body is what a cross-site form can send without asking.
  app.removeContentTypeParser('text/plain');
  const attempts = signInAttempts(
    app,
    options.signInLimit ?? DEFAULT_SIGN_IN_LIMIT,
    options.sharedAttempts,
  );
  const authenticate = async (token: string): Promise<Agent | null> => {
    const agent = options.authenticate(token);
    if (agent || !options.refreshTeam) return agent;
    // Asked again whatever the read found: a notification may have brought the team meanwhile.
    await options.refreshTeam().catch(() => false);
    return options.authenticate(token);
  };
  const recent = new RecentSignIns();
  const signedIn = (agent: Agent, token: string, client: string, request: FastifyRequest) => {
    if (recent.isNew(token, client, request.ip))
      void options.onSignIn?.(agent, client).catch(() => undefined);
  };

  // A page from another name (DNS rebinding) or a misrouted request is answered nothing else.
  const allowed = options.allowedHosts ?? new Set<string>(LOOPBACK_NAMES);
  app.addHook('onRequest', async (request, reply) => {
    const host = hostNameOf(request.headers.host);
    if (host == null || !allowed.has(host)) {
      return send(reply, {
        ok: false,
        error: {
          code: 'misdirected',
          message: 'This hub does not answer for that host name: the operator lists its names',
        },
      });
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // The hub's own time on the request, as the browser's network panel and the bench read it.
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    return payload;
  });

  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    const body: ErrorBody =
      status >= 400 && status < 500 ? requestErrorBody(status, error.message) : toErrorBody(error);
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

  app.get(HEALTH_PATH, async (_request, reply) =>
    options.health ? send(reply, { ok: true, result: await options.health() }) : { ok: true },
  );
  // For the load balancer: 503 while the store opens and from the moment the hub drains.
  app.get(READY_PATH, async (_request, reply) => {
    const readiness = options.readiness?.() ?? { ready: true, reason: null };
    if (readiness.ready) return send(reply, { ok: true, result: readiness });
    reply.header('retry-after', '5');
    return send(reply, {
      ok: false,
      error: {
        code: 'unavailable',
        message:
          readiness.reason === 'draining'
            ? 'This hub is shutting down: another replica takes the work'
            : 'This hub is opening its store',
        details: readiness,
      },
    });
  });

  // A browser signs in once with its personal token; the hub keeps it in an HttpOnly cookie.
  app.post(
    SESSION_PATH,
    {
      bodyLimit: SIGN_IN_BODY_LIMIT,
      // Counted before anything is read: a flood of guesses costs the hub next to nothing.
      onRequest: async (request, reply) => {
        const wait = await attempts(request);
        if (!wait) return;
        reply.header('retry-after', String(wait.retryAfterS));
        return send(reply, { ok: false, error: tooManySignIns(wait.retryAfterS) });
      },
    },
    async (request, reply) => {
      const input = SignInInputSchema.safeParse(request.body ?? {});
      if (!input.success) return send(reply, { ok: false, error: toErrorBody(input.error) });
      const agent = await authenticate(input.data.token);
      if (!agent) {
        return send(reply, {
          ok: false,
          error: { code: 'unauthorized', message: 'This token does not belong to any agent' },
        });
      }
      reply.header('set-cookie', sessionCookie(input.data.token, request.protocol === 'https'));
      signedIn(agent, input.data.token, clientOf(request.headers), request);
      return send(reply, { ok: true, result: agent });
    },
  );
  app.delete(SESSION_PATH, async (request, reply) => {
    reply.header('set-cookie', sessionCookie(null, request.protocol === 'https'));
    return send(reply, { ok: true, result: { done: true } });
  });

  registerApiRoutes(app, {
    api: options.api,
    authenticate,
    attempts,
    signedIn,
    idempotency: options.idempotency,
  });

  if (options.facebookWebhooks) await registerFacebookWebhooks(app, options.facebookWebhooks);

  const sockets = new EventSockets({
    authenticate: options.authenticate,
    limits: options.eventLimits,
    onAgentLeft: options.onAgentLeft,
  });
  const unsubscribe = [
    options.api.onEvent((event) => sockets.broadcast(event)),
    options.onAgentChanged?.((agentId) => sockets.recheck(agentId)),
  ];
  app.addHook('onClose', async () => {
    for (const stop of unsubscribe) stop?.();
  });
  app.get(EVENTS_PATH, { websocket: true }, async (socket, request) => {
    if (options.readiness?.().reason === 'draining') {
      socket.close(CLOSE_RESTARTING.code, CLOSE_RESTARTING.reason);
      return;
    }
    if (!sameOrigin(request)) {
      socket.close(1008, 'origin not allowed');
      return;
    }
    const token = tokenOf(request.headers);
    // A known token is taken at once (its socket's listeners set before anything arrives).
    const agent = token ? (options.authenticate(token) ?? (await authenticate(token))) : null;
    if (token && agent) {
      sockets.add(socket, token, agent);
      return;
    }
    socket.close(EVENTS_SIGNED_OUT.unsignedCode, EVENTS_SIGNED_OUT.unsignedReason);
    // A token that signs nobody in counts as a sign-in attempt of the address.
    if (token) void attempts(request).catch(() => undefined);
  });

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, index: ['index.html'] });
  }
  return app;
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
