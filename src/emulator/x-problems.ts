import type { EmuResponse } from './http-kit';

/** X API v2 error bodies (RFC 7807 problems, `application/problem+json`) and JSON answers. */

export const PROBLEM_JSON = 'application/problem+json';
const JSON_TYPE = 'application/json; charset=utf-8';

/** One entry of an invalid-request problem's `errors`. */
export interface ParameterError {
  parameters: Record<string, string[]>;
  message: string;
}

export function xJson(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): EmuResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body };
}

function problem(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers: { 'content-type': PROBLEM_JSON, ...headers }, body };
}

export function unauthorized(): EmuResponse {
  return problem(401, {
    title: 'Unauthorized',
    type: 'about:blank',
    status: 401,
    detail: 'Unauthorized',
  });
}

export function tooManyRequests(headers: Record<string, string>): EmuResponse {
  return problem(
    429,
    { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    headers,
  );
}

export function invalidRequest(
  errors: ParameterError[],
  headers: Record<string, string> = {},
): EmuResponse {
  return problem(
    400,
    {
      errors,
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
    headers,
  );
}

export function serverError(status = 500): EmuResponse {
  const title = status === 503 ? 'Service Unavailable' : 'Internal Server Error';
  return problem(status, { title, detail: title, type: 'about:blank', status });
}

/** The page X answers for a path it does not serve. */
export function pageDoesNotExist(): EmuResponse {
  return xJson({ errors: [{ message: 'Sorry, that page does not exist', code: 34 }] }, 404);
}

/** A `resource-not-found` entry, as X puts in a 200 answer's `errors` (or in `includes` misses). */
export function notFoundError(
  resourceType: 'user' | 'tweet',
  parameter: string,
  value: string,
): Record<string, string> {
  const what = resourceType === 'user' ? 'user' : 'tweet';
  return {
    value,
    detail: `Could not find ${what} with ${parameter}: [${value}].`,
    title: 'Not Found Error',
    resource_type: resourceType,
    parameter,
    resource_id: value,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
}

const PROBLEMS = 'https://api.twitter.com/2/problems';

/** The monthly usage cap of the app's plan is used up (429; X dates no reset). */
export function usageCapped(headers: Record<string, string> = {}): EmuResponse {
  return problem(
    429,
    {
      title: 'UsageCapExceeded',
      detail: 'Usage cap exceeded: Monthly product cap',
      type: `${PROBLEMS}/usage-capped`,
      period: 'Monthly',
      scope: 'Product',
    },
    headers,
  );
}

/** The app may not call this endpoint (not attached to a Project, or a level of access it lacks). */
export function clientForbidden(): EmuResponse {
  return problem(403, {
    title: 'Client Forbidden',
    detail:
      'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
    registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
    reason: 'client-not-enrolled',
    type: `${PROBLEMS}/client-forbidden`,
  });
}

/** A 403 `about:blank` problem with X's wording for the refusal. */
export function forbidden(detail: string, headers: Record<string, string> = {}): EmuResponse {
  return problem(403, { detail, type: 'about:blank', title: 'Forbidden', status: 403 }, headers);
}

/** The recipient does not take direct messages from the sender (wording unconfirmed). */
export function directMessageForbidden(): EmuResponse {
  return forbidden('You cannot send messages to this user.');
}
