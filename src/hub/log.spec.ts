import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { configuredSecrets, safeUrl, scrubbingStream } from './log';

describe("what the hub's log leaves out", () => {
  it('blanks query values named like a secret and keeps the others', () => {
    expect(safeUrl('/api/conversations?status=open&q=refund')).toBe(
      '/api/conversations?status=open&q=refund',
    );
    expect(safeUrl('/oauth/callback?code=abc123&state=xyz&access_token=t0k&api_key=k')).toBe(
      '/oauth/callback?code=%5Bredacted%5D&state=xyz&access_token=%5Bredacted%5D&api_key=%5Bredacted%5D',
    );
    expect(safeUrl('/api/health')).toBe('/api/health');
  });

  it('scrubs the database password (as written, decoded and JSON-escaped) and the app secrets from every line', () => {
    const secrets = configuredSecrets({
      database: 'postgres://inbox:p%40ss"w0rd@db:5432/inbox',
      graphAppSecret: 'graph-app-secret-1',
      xClientSecret: null,
      facebookVerifyToken: 'abc',
    });
    const out = new PassThrough();
    out.setEncoding('utf8');
    let text = '';
    out.on('data', (chunk: string) => (text += chunk));
    const stream = scrubbingStream(secrets, out);
    stream.write(
      `${JSON.stringify({ msg: 'failed', err: 'password p@ss"w0rd refused', app: 'graph-app-secret-1' })}\n`,
    );
    stream.write('connecting to postgres://inbox:p%40ss"w0rd@db:5432/inbox\n');
    expect(text).not.toMatch(/p@ss|p%40ss|graph-app-secret-1/);
    expect(text).toContain('[redacted]');
    // A short text is not a secret worth blanking ordinary words for.
    expect(secrets).not.toContain('abc');
  });
});
