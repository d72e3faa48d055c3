import { randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/fixtures';
import { SealError, SecretSealer } from './secret-sealer';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const newKey = () => randomBytes(32).toString('base64');

describe('SecretSealer', () => {
  it('opens what it sealed, under the same name only, and never the same bytes twice', () => {
    const sealer = SecretSealer.fromKey(newKey());
    const one = sealer.seal('x:1', 'token-of-x');
    const two = sealer.seal('x:1', 'token-of-x');
    expect(sealer.open('x:1', one)).toBe('token-of-x');
    expect(one.sealed.equals(two.sealed)).toBe(false);
    expect(one.sealed.toString('latin1')).not.toContain('token-of-x');
    expect(() => sealer.open('x:2', one)).toThrow(SealError);
  });

  it('refuses a sealed secret that was changed, or sealed with another key', () => {
    const sealer = SecretSealer.fromKey(newKey());
    const sealed = sealer.seal('page:1', 'page-token');
    const changed = Buffer.from(sealed.sealed);
    changed[0] = changed[0]! ^ 1;
    expect(() => sealer.open('page:1', { ...sealed, sealed: changed })).toThrow(SealError);
    expect(() => SecretSealer.fromKey(newKey()).open('page:1', sealed)).toThrow(
      /every replica needs the same key/,
    );
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['not base64', 'this is not a key at all, but it is long enough!!'],
    ['empty', ''],
  ])('refuses a key that is %s, saying how to make one', (_, key) => {
    expect(() => SecretSealer.fromKey(key)).toThrow(/openssl rand -base64 32/);
  });

  it('reads its key from a file only its owner may read', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'secrets_key');
    const key = newKey();
    await writeFile(file, `${key}\n`, { mode: 0o644 });
    await chmod(file, 0o644);
    await expect(SecretSealer.fromFile(file)).rejects.toThrow(/chmod 600/);
    await chmod(file, 0o600);
    const sealer = await SecretSealer.fromFile(file);
    expect(sealer.open('k', SecretSealer.fromKey(key).seal('k', 'v'))).toBe('v');
    await expect(SecretSealer.fromFile(join(dir, 'missing'))).rejects.toThrow(/cannot be read/);
  });
});
