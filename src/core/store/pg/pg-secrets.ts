import type { SecretSealer } from '../../secrets/secret-sealer';
import type { SecretStore } from '../../secrets/secret-store';
import type { Pool, Queryable } from './pg-client';

interface Row {
  nonce: Buffer;
  sealed: Buffer;
}

/**
 * Platform credentials and service keys shared by the hub replicas of one database, sealed with
 * the secrets key every replica is given (`--secrets-key-file`), which the database never sees: a
 * dump or a backup of it holds nothing usable. A secret this replica still keeps in its own
 * keychain (from before the key was given) moves in the first time it is read.
 */
export class PgSecretStore implements SecretStore {
  constructor(
    private readonly pool: Pool,
    private readonly sealer: SecretSealer,
    /** This replica's own keychain, where secrets were kept before. */
    private readonly before: SecretStore | null = null,
  ) {}

  async get(name: string): Promise<string | null> {
    const kept = await this.read(this.pool, name, false);
    if (kept != null) return kept;
    // A keychain that is locked or gone holds nothing for this replica.
    const old = (await this.before?.get(name).catch(() => null)) ?? null;
    if (old == null) return null;
    // Another replica may have moved its own copy in meanwhile: the first one in stays.
    await this.pool.query(
      'INSERT INTO secrets (name, nonce, sealed) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
      this.sealed(name, old),
    );
    return this.read(this.pool, name, false);
  }

  async set(name: string, secret: string): Promise<void> {
    await this.write(this.pool, name, secret);
  }

  async delete(name: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM secrets WHERE name = $1', [name]);
    // Else the copy left in the keychain would move in again at the next read.
    const before = (await this.before?.delete(name).catch(() => false)) ?? false;
    return (rowCount ?? 0) > 0 || before;
  }

  async update(
    name: string,
    change: (current: string | null) => Promise<string | null>,
  ): Promise<string | null> {
    // Moved in first, so the change starts from what this replica knew.
    await this.get(name);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // A secret not there yet has no row to lock: the lock is on its name.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('secret:' || $1))", [name]);
      const next = await change(await this.read(client, name, true));
      if (next == null) await client.query('DELETE FROM secrets WHERE name = $1', [name]);
      else await this.write(client, name, next);
      await client.query('COMMIT');
      return next;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async read(db: Queryable, name: string, locked: boolean): Promise<string | null> {
    const { rows } = await db.query<Row>(
      `SELECT nonce, sealed FROM secrets WHERE name = $1${locked ? ' FOR UPDATE' : ''}`,
      [name],
    );
    return rows[0] ? this.sealer.open(name, rows[0]) : null;
  }

  private async write(db: Queryable, name: string, secret: string): Promise<void> {
    await db.query(
      `INSERT INTO secrets (name, nonce, sealed) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET nonce = excluded.nonce, sealed = excluded.sealed,
         updated_at = now()`,
      this.sealed(name, secret),
    );
  }

  private sealed(name: string, secret: string): [string, Buffer, Buffer] {
    const { nonce, sealed } = this.sealer.seal(name, secret);
    return [name, nonce, sealed];
  }
}
