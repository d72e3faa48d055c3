import { prepared } from './pg-client';
import type { Client } from './pg-client';

/**
 * A commit's writes, sent without waiting for each other's answers: the store's connections
 * pipeline their statements, so a commit costs a few round trips to the server rather than one per
 * statement. The first failure is kept: every statement of the transaction after it fails too,
 * and `commit` refuses with it.
 */
export class SentWrites {
  /** The first write that failed, once it did. */
  failure: unknown = null;
  /** Writes kept for after the commit's write lock (`sendLocked`): counts shared by many. */
  private readonly locked: { sql: string; params: unknown[] }[] = [];
  /** What to do once the commit is durable (`whenCommitted`). */
  private readonly committed: (() => void)[] = [];

  constructor(private readonly client: Client) {}

  /** Sends a statement whose answer nobody reads; a failure is kept for `commit`. */
  send(sql: string, params?: unknown[]): void {
    this.client.query(params ? prepared(sql, params) : sql).catch((err: unknown) => {
      this.failure ??= err;
    });
  }

  /**
   * Sends a statement whose rows the commit reads later: a failure is kept for `commit` as well,
   * and the rows' promise is refused with it.
   */
  ask<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
    const answer = this.client.query<T>(prepared(sql, params)).then(
      (result) => result.rows,
      (err: unknown) => {
        this.failure ??= err;
        throw err;
      },
    );
    // Its caller may not read it before COMMIT has failed: the failure is not left unhandled.
    answer.catch(() => undefined);
    return answer;
  }

  /** Keeps a write for once the commit holds the write lock (see `sendLocked`). */
  afterLock(sql: string, params: unknown[]): void {
    this.locked.push({ sql, params });
  }

  /** Sends the writes kept for after the write lock, the statement taking it sent just before. */
  sendLocked(): void {
    for (const { sql, params } of this.locked.splice(0)) this.send(sql, params);
  }

  /** Runs once the commit is durable, not if it fails. */
  whenCommitted(run: () => void): void {
    this.committed.push(run);
  }

  /** COMMIT, once every statement sent before it was answered: refused if one of them failed. */
  async commit(): Promise<void> {
    const result = await this.client.query('COMMIT').catch((err: unknown) => {
      throw this.failure ?? err;
    });
    if (this.failure != null) throw this.failure;
    // COMMIT of a transaction a failure ended answers ROLLBACK.
    if (result.command !== 'COMMIT') throw new Error('The transaction was rolled back');
    for (const run of this.committed.splice(0)) run();
  }
}

/**
 * Rows in the order of their ids, as a commit writes them: two commits writing the same rows take
 * their locks in one order, so neither waits for the other in a circle.
 */
export function inIdOrder<T extends { id: string }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
