/** A Graph API error, thrown by handlers and written as `{error: {...}}` with the request's trace id. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: number,
    readonly extra: { error_subcode?: number; is_transient?: boolean } = {},
  ) {
    super(message);
  }

  body(fbtraceId: string): { error: Record<string, unknown> } {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...this.extra,
        fbtrace_id: fbtraceId,
      },
    };
  }
}

export const invalidToken = () =>
  new GraphError(
    400,
    'Invalid OAuth access token - Cannot parse access token',
    'OAuthException',
    190,
  );

export const missingToken = () =>
  new GraphError(
    400,
    'An access token is required to request this resource.',
    'OAuthException',
    104,
  );

export const unsupportedRequest = (method: 'get' | 'post' | 'delete', id: string) =>
  new GraphError(
    400,
    `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    'GraphMethodException',
    100,
    { error_subcode: 33 },
  );

/** A bad parameter: `(#100) ...`. */
export const badParameter = (detail: string) =>
  new GraphError(400, `(#100) ${detail}`, 'OAuthException', 100);

export const nonexistingField = (field: string, nodeType: string) =>
  badParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);

export const unknownPath = (rest: string) =>
  new GraphError(400, `Unknown path components: ${rest}`, 'OAuthException', 2500);

export const syntaxError = (detail: string) =>
  new GraphError(400, `Syntax error "${detail}"`, 'OAuthException', 2500);

export const invalidVersion = (version: string, latest: string) =>
  new GraphError(
    400,
    `(#2635) The version "${version}" in the request path is not a Graph API version. Please call a version such as ${latest}.`,
    'OAuthException',
    2635,
  );

export const appLimitReached = () =>
  new GraphError(400, '(#4) Application request limit reached', 'OAuthException', 4, {
    is_transient: true,
  });

export const unexpectedError = (status = 500) =>
  new GraphError(
    status,
    'An unexpected error has occurred. Please retry your request later.',
    'OAuthException',
    2,
    {
      is_transient: true,
    },
  );

/* Facebook Login: the code and token exchanges of `/oauth/access_token` and token checks. */

export const missingClientId = () =>
  new GraphError(400, 'Missing client_id parameter.', 'OAuthException', 101);

export const invalidAppId = () =>
  new GraphError(
    400,
    'Error validating application. Invalid application ID.',
    'OAuthException',
    101,
  );

export const invalidClientSecret = () =>
  new GraphError(400, 'Error validating client secret.', 'OAuthException', 1);

export const invalidCodeFormat = () =>
  new GraphError(400, 'Invalid verification code format.', 'OAuthException', 100, {
    error_subcode: 36007,
  });

export const codeExpired = () =>
  new GraphError(400, 'This authorization code has expired.', 'OAuthException', 100, {
    error_subcode: 36007,
  });

export const codeUsed = () =>
  new GraphError(400, 'This authorization code has been used.', 'OAuthException', 100, {
    error_subcode: 36009,
  });

export const codeRedirectMismatch = () =>
  new GraphError(
    400,
    'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    'OAuthException',
    100,
    { error_subcode: 36008 },
  );

/** A token whose grant ended: the user removed the app or deleted its permissions. */
export const appNotAuthorized = (appId: string) =>
  new GraphError(
    400,
    `Error validating access token: The user has not authorized application ${appId}.`,
    'OAuthException',
    190,
    { error_subcode: 458 },
  );

/** Facebook writes both instants in Pacific time: `Tuesday, 10-Mar-26 14:00:00 PDT`. */
export function facebookDate(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    weekday: 'long',
    day: '2-digit',
    month: 'short',
    year: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')}, ${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

export const sessionExpired = (expiredMs: number, nowMs: number) =>
  new GraphError(
    400,
    `Error validating access token: Session has expired on ${facebookDate(expiredMs)}. The current time is ${facebookDate(nowMs)}.`,
    'OAuthException',
    190,
    { error_subcode: 463 },
  );

/** An app access token (`{app-id}|{app-secret}`) that does not fit the app. */
export const invalidAppToken = () =>
  new GraphError(400, 'Invalid OAuth access token signature.', 'OAuthException', 190);
