import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures';
import { ManualClock } from '../../time/clock';
import { poolConfig, redact, redactUrl } from './pg-client';
import { PostgresStore } from './postgres-store';

const URL_WITH_PASSWORD = 'postgres://inbox:s3cret%2Fpw@127.0.0.1:1/inbox?sslmode=disable';

describe('the PostgreSQL connection', () => {
  it('shows a URL without its password, wherever it appears in a text', () => {
    expect(redactUrl(URL_WITH_PASSWORD)).toBe(
      'postgres://inbox:***@127.0.0.1:1/inbox?sslmode=disable',
    );
    expect(redactUrl('postgres://h/db?password=p')).toBe('postgres://h/db?password=***');
    expect(redactUrl('not a url at all')).toBe('postgres://***');
    const text = `could not reach ${URL_WITH_PASSWORD} (password s3cret/pw)`;
    const shown = redact(text, URL_WITH_PASSWORD);
    expect(shown).not.toContain('s3cret');
    expect(shown).toContain('postgres://inbox:***@127.0.0.1:1/inbox');
  });

  it('reads sslmode as libpq does, and checks the server against a CA file', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const ca = join(dir, 'ca.pem');
      await writeFile(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      const base = 'postgres://inbox@db.example.com:5432/inbox';
      expect(poolConfig({ url: base }).ssl).toBeUndefined();
      expect(poolConfig({ url: `${base}?sslmode=disable` }).ssl).toBe(false);
      // `require` encrypts without checking the certificate, as libpq does.
      expect(poolConfig({ url: `${base}?sslmode=require` }).ssl).toMatchObject({
        rejectUnauthorized: false,
      });
      const full = poolConfig({ url: `${base}?sslmode=verify-full`, caFile: ca }).ssl;
      expect(full).toMatchObject({ ca: expect.stringContaining('BEGIN CERTIFICATE') });
      expect((full as { rejectUnauthorized?: boolean }).rejectUnauthorized).not.toBe(false);
      // A CA file alone: the certificate and the host name are checked (verify-full).
      const alone = poolConfig({ url: base, caFile: ca }).ssl as Record<string, unknown>;
      expect(alone.ca).toContain('BEGIN CERTIFICATE');
      expect(alone.rejectUnauthorized).toBeUndefined();
      expect(alone.checkServerIdentity).toBeUndefined();
      const parts = poolConfig({ url: 'postgres://a:b%40c@h:6543/d' });
      expect(parts).toMatchObject({
        host: 'h',
        port: 6543,
        database: 'd',
        user: 'a',
        password: 'b@c',
      });
    } finally {
      await cleanup();
    }
  });

  it('says a database it cannot reach is unavailable, naming it without the password', async () => {
    const opening = PostgresStore.open({ url: URL_WITH_PASSWORD, clock: new ManualClock(0) });
    await expect(opening).rejects.toMatchObject({ code: 'storage_unavailable' });
    const message = await opening.then(
      () => '',
      (err: Error) => `${err.message} ${JSON.stringify(err)}`,
    );
    expect(message).toContain('127.0.0.1:1/inbox');
    expect(message).not.toContain('s3cret');
  });
});
