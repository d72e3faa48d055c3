import type { FastifyReply } from 'fastify';
import { httpStatusOf } from '../shared';
import type { Envelope, ErrorBody } from '../shared';

/** Sends an envelope with the HTTP status of its error code (200 for a result). */
export function send(reply: FastifyReply, envelope: Envelope<unknown>): FastifyReply {
  const status = envelope.ok ? 200 : httpStatusOf[envelope.error.code];
  return reply.code(status).type('application/json; charset=utf-8').send(envelope);
}

export const NOT_SIGNED_IN: ErrorBody = {
  code: 'unauthorized',
  message: 'Sign in with your personal token',
};

/** The error body for a request Fastify itself refused (its body, its content type, its route). */
export function requestErrorBody(status: number, message: string | undefined): ErrorBody {
  switch (status) {
    case 404:
      return { code: 'not_found', message: message ?? 'Not found' };
    case 413:
      return { code: 'payload_too_large', message: 'The request body is too large' };
    case 415:
      return {
        code: 'unsupported_media_type',
        message: 'Send the request body as JSON (content-type: application/json)',
      };
    case 429:
      return { code: 'rate_limited', message: message ?? 'Too many requests' };
    default:
      return { code: 'bad_request', message: message ?? 'Bad request' };
  }
}
