import type {
  AttemptCounter,
  OnceGuard,
  PresenceRow,
  SettingsVersion,
  SharedPresence,
} from '../port';
import type { Queryable } from './pg-client';

/** The channel a committed change of the settings document is told on (its version). */
export const SETTINGS_CHANNEL = 'inbox_settings';

/** The settings document in its one row: read, kept first, changed inside a commit. */
export class PgSettingsDoc {
  constructor(private readonly db: Queryable) {}

  async read(): Promise<SettingsVersion | null> {
    const { rows } = await this.db.query<SettingsVersion>(
      'SELECT version, text FROM settings_doc WHERE one = 1',
    );
    return rows[0] ?? null;
  }

  /** The first document, unless another process kept one first: answers the one kept. */
  async seed(text: string): Promise<SettingsVersion> {
    await this.db.query(
      'INSERT INTO settings_doc (one, version, text) VALUES (1, 1, $1) ON CONFLICT (one) DO NOTHING',
      [text],
    );
    return (await this.read())!;
  }

  /**
   * Inside a commit's transaction: the document as it stands (its row locked until the commit
   * ends), its next text, then the row written with the version one more, if nobody wrote it in
   * between (the lock makes sure of it; the version checks it), and the others told at COMMIT.
   */
  async edit(edit: (current: SettingsVersion) => string): Promise<SettingsVersion> {
    const { rows } = await this.db.query<SettingsVersion>(
      'SELECT version, text FROM settings_doc WHERE one = 1 FOR UPDATE',
    );
    const current = rows[0] ?? { version: 0, text: '{}' };
    const next = { version: current.version + 1, text: edit(current) };
    const written = await this.db.query(
      `INSERT INTO settings_doc (one, version, text) VALUES (1, $1, $2)
       ON CONFLICT (one) DO UPDATE SET version = excluded.version, text = excluded.text
       WHERE settings_doc.version = $3`,
      [next.version, next.text, current.version],
    );
    if (written.rowCount !== 1)
      throw new Error('The settings changed during the commit that changes them');
    await this.db.query('SELECT pg_notify($1, $2)', [SETTINGS_CHANNEL, String(next.version)]);
    return next;
  }
}

/** Sign-in attempts per key in windows, one row each, counted atomically by one statement. */
export class PgAttempts implements AttemptCounter {
  constructor(private readonly db: Queryable) {}

  async count(
    key: string,
    nowMs: number,
    windowMs: number,
  ): Promise<{ current: number; ttlMs: number }> {
    const { rows } = await this.db.query<{ n: number; since_ms: number }>(
      `INSERT INTO sign_in_attempts (address, since_ms, n) VALUES ($1, $2, 1)
       ON CONFLICT (address) DO UPDATE SET
         n = CASE WHEN sign_in_attempts.since_ms + $3 <= $2 THEN 1 ELSE sign_in_attempts.n + 1 END,
         since_ms = CASE WHEN sign_in_attempts.since_ms + $3 <= $2 THEN $2
                         ELSE sign_in_attempts.since_ms END
       RETURNING n, since_ms`,
      [key, nowMs, windowMs],
    );
    const row = rows[0]!;
    // Old windows go now and then, so the table holds about the addresses of the last minutes.
    if (row.n === 1 && Math.random() < 0.01)
      void this.db
        .query('DELETE FROM sign_in_attempts WHERE since_ms + $2 <= $1', [nowMs, windowMs])
        .catch(() => undefined);
    return { current: row.n, ttlMs: Math.max(0, row.since_ms + windowMs - nowMs) };
  }
}

/**
 * Presence in one table, a row per agent and replica until it runs out: a replica that dies stops
 * renewing its rows, and they are read no more once their time is past.
 */
export class PgPresence implements SharedPresence {
  constructor(
    private readonly db: Queryable,
    private readonly replica: string,
  ) {}

  async put(agentId: string, body: string | null, untilMs: number): Promise<void> {
    if (body == null) {
      await this.db.query('DELETE FROM presence WHERE agent_id = $1 AND replica = $2', [
        agentId,
        this.replica,
      ]);
      return;
    }
    await this.db.query(
      `INSERT INTO presence (agent_id, replica, body, until_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agent_id, replica) DO UPDATE SET body = excluded.body, until_ms = excluded.until_ms`,
      [agentId, this.replica, body, untilMs],
    );
  }

  async live(nowMs: number): Promise<PresenceRow[]> {
    const { rows } = await this.db.query<{ agent_id: string; body: string }>(
      'SELECT agent_id, body FROM presence WHERE until_ms > $1 ORDER BY agent_id, until_ms DESC',
      [nowMs],
    );
    return rows.map((r) => ({ agentId: r.agent_id, body: r.body }));
  }

  async clear(): Promise<void> {
    await this.db.query('DELETE FROM presence WHERE replica = $1', [this.replica]);
  }
}

const ONCE_KEPT_MS = 7 * 86_400_000;
/** A taken id whose work was not done within this long is free again (its replica died). */
const ONCE_STALE_MS = 60_000;

/** Ids of work done once: the first replica to take one does the work. */
export class PgOnce implements OnceGuard {
  constructor(private readonly db: Queryable) {}

  async take(id: string, nowMs: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO handled_once (id, at_ms) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms
       WHERE NOT handled_once.done AND handled_once.at_ms <= $3`,
      [id, nowMs, nowMs - ONCE_STALE_MS],
    );
    if (rowCount === 1 && Math.random() < 0.01)
      void this.db
        .query('DELETE FROM handled_once WHERE at_ms < $1', [nowMs - ONCE_KEPT_MS])
        .catch(() => undefined);
    return rowCount === 1;
  }

  async done(id: string): Promise<void> {
    await this.db.query('UPDATE handled_once SET done = true WHERE id = $1', [id]);
  }

  async release(id: string): Promise<void> {
    await this.db.query('DELETE FROM handled_once WHERE id = $1 AND NOT done', [id]);
  }
}
