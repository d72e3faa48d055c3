import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  FACEBOOK_WEBHOOK_PATH,
  FacebookVerificationSchema,
  FacebookWebhookSchema,
  commentChangesOf,
  toErrorBody,
} from '../shared';
import type { ErrorBody, FacebookWebhook } from '../shared';
import { PlatformError } from '../core/connectors/platform-error';
import { send } from './reply';

export interface FacebookWebhookOptions {
  /** The token Facebook's verification request must carry (the app's webhook settings); null: none. */
  verifyToken: string | null;
  /** The app secret deliveries are signed with; null: every delivery is refused. */
  appSecret: string | null;
  /** A delivery whose signature and shape are right. */
  receive(payload: FacebookWebhook): Promise<unknown>;
}

/** Facebook batches changes: a delivery stays well under this. */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

const refused = (reply: FastifyReply, message: string) =>
  send(reply, { ok: false, error: { code: 'forbidden', message } });

/**
 * `GET /webhooks/facebook`: Facebook's verification (`hub.mode=subscribe`, `hub.verify_token`),
 * answered with `hub.challenge` when the token is the configured one. `POST /webhooks/facebook`:
 * a Page delivery, read as raw bytes and checked against `X-Hub-Signature-256` (HMAC-SHA256 of
 * the body with the app secret, compared in constant time) before it is parsed; a delivery that
 * fails is refused with 403 and nothing of it is kept. Then its shape is validated and it is
 * handed to the inbox. The verify token and the app secret are never logged or answered.
 */
export async function registerFacebookWebhooks(
  app: FastifyInstance,
  options: FacebookWebhookOptions,
): Promise<void> {
  await app.register(async (scope) => {
    // The signature covers the exact bytes sent: the body is kept as they came.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    scope.get(FACEBOOK_WEBHOOK_PATH, async (request, reply) => {
      const input = FacebookVerificationSchema.safeParse(request.query ?? {});
      if (!input.success) return send(reply, { ok: false, error: toErrorBody(input.error) });
      if (
        options.verifyToken == null ||
        !sameSecret(input.data['hub.verify_token'], options.verifyToken)
      )
        return refused(reply, 'This verify token is not the one the hub was given');
      return reply.code(200).type('text/plain; charset=utf-8').send(input.data['hub.challenge']);
    });

    scope.post(FACEBOOK_WEBHOOK_PATH, async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (options.appSecret == null)
        return refused(reply, 'The hub has no Facebook app secret to check deliveries with');
      const header = request.headers['x-hub-signature-256'];
      const given = typeof header === 'string' ? SIGNATURE.exec(header.trim()) : null;
      const expected = createHmac('sha256', options.appSecret).update(body).digest();
      if (!given || !timingSafeEqual(Buffer.from(given[1]!, 'hex'), expected))
        return refused(reply, 'The delivery is not signed with the app secret');
      let payload: FacebookWebhook;
      try {
        payload = FacebookWebhookSchema.parse(JSON.parse(body.toString('utf8')));
        commentChangesOf(payload);
      } catch (err) {
        const error: ErrorBody =
          err instanceof SyntaxError
            ? { code: 'bad_request', message: 'The delivery is not JSON' }
            : toErrorBody(err);
        return send(reply, { ok: false, error });
      }
      try {
        return send(reply, { ok: true, result: await options.receive(payload) });
      } catch (err) {
        // Facebook delivers again after an error; polling reconciles meanwhile.
        if (err instanceof PlatformError && err.kind !== 'rejected')
          return send(reply, {
            ok: false,
            error: { code: 'unavailable', message: `Facebook could not be read: ${err.message}` },
          });
        return send(reply, { ok: false, error: toErrorBody(err) });
      }
    });
  });
}

/** Two secrets compared in constant time, whatever their lengths (their digests are compared). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A request as the hub's log shows it: the webhook's query (the verify token) is left out. */
export function loggedUrl(url: string): string {
  return url.startsWith(FACEBOOK_WEBHOOK_PATH) ? FACEBOOK_WEBHOOK_PATH : url;
}

/**
 * Where Facebook delivers the Page webhooks, when the hub can take them: a public URL, the app
 * secret and the verify token all given. Otherwise null, and why, for the operator.
 */
export function facebookWebhookSetup(config: {
  publicUrl: string | null;
  graphAppSecret: string | null;
  facebookVerifyToken: string | null;
}): { callbackUrl: string | null; notices: string[] } {
  if (config.publicUrl == null) return { callbackUrl: null, notices: [] };
  const callbackUrl = `${config.publicUrl.replace(/\/+$/, '')}${FACEBOOK_WEBHOOK_PATH}`;
  const missing = [
    config.graphAppSecret == null ? 'SOCIAL_INBOX_GRAPH_APP_SECRET' : null,
    config.facebookVerifyToken == null ? 'SOCIAL_INBOX_FACEBOOK_VERIFY_TOKEN' : null,
  ].filter((name) => name != null);
  if (missing.length > 0)
    return {
      callbackUrl: null,
      notices: [
        `Facebook webhooks are off: ${missing.join(' and ')} not set. Pages are polled only.`,
      ],
    };
  return {
    callbackUrl,
    notices: [
      `Facebook webhooks: the app's Page webhook (field feed) must call ${callbackUrl} with the verify token the hub was given.`,
    ],
  };
}
