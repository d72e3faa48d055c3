/**
 * Where a log line could carry a secret, by its place in the line (pino's redaction paths): the
 * headers that sign a caller in (Authorization, the session cookie, the ones a cookie is set
 * with, webhook signatures) and any field named like a token, password or secret, one or two
 * levels deep. Each is written `[redacted]`.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  ...['token', 'password', 'secret', 'accessToken', 'refreshToken', 'appSecret', 'apiKey'].flatMap(
    (key) => [key, `*.${key}`],
  ),
  'databaseUrl',
  'database',
  '*.databaseUrl',
];

export const REDACTED = '[redacted]';

/** pino's redaction settings (Fastify hands them to pino). */
export const logRedaction = { paths: [...LOG_REDACT_PATHS], censor: REDACTED };

/**
 * The texts that must never appear in a log line, whatever field or message they end up in: the
 * database URL and its password (as written and decoded), the app secrets and the webhook verify
 * token of the configuration. Short texts are left out (they would blank ordinary words).
 */
export function configuredSecrets(config: {
  database: string | null;
  graphAppSecret: string | null;
  xClientSecret: string | null;
  facebookVerifyToken: string | null;
}): string[] {
  const out = [config.graphAppSecret, config.xClientSecret, config.facebookVerifyToken];
  if (config.database) {
    out.push(config.database);
    try {
      const password = new URL(config.database).password;
      out.push(password, decodeURIComponent(password));
    } catch {
      // Not a URL: the whole text is already listed.
    }
  }
  const listed = out.filter((s): s is string => s != null && s.length >= 4);
  // As a JSON line writes them, too (a quote or a backslash escaped).
  return [...new Set([...listed, ...listed.map((s) => JSON.stringify(s).slice(1, -1))])].sort(
    (a, b) => b.length - a.length,
  );
}

/**
 * A log destination that writes each line with every configured secret replaced, for what a
 * redaction path cannot know in advance (a driver's error message quoting a URL, say).
 */
export function scrubbingStream(
  secrets: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
): NodeJS.WritableStream {
  const scrub = (line: string) =>
    secrets.reduce((text, secret) => text.replaceAll(secret, REDACTED), line);
  return {
    write(chunk: string | Uint8Array) {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return out.write(secrets.length === 0 ? text : scrub(text));
    },
  } as NodeJS.WritableStream;
}

/** Query parameters whose values could sign someone in or prove something: never logged. */
const SECRET_PARAM = /token|key|secret|pass|code|signature|auth|session/i;

/** A request's URL as the log writes it: the path, and the query with secret-like values blanked. */
export function safeUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const key of [...params.keys()]) if (SECRET_PARAM.test(key)) params.set(key, REDACTED);
  return `${url.slice(0, at)}?${params.toString()}`;
}
