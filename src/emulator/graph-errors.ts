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

export const pageLimitReached = () =>
  new GraphError(400, '(#32) Page request limit reached', 'OAuthException', 32, {
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
