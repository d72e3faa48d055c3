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

  constructor(private readonly client: Client) {}

  /** Sends a statement whose answer nobody reads; a failure is kept for `commit`. */
  send(sql: string, params?: unknown[]): void {
    this.client.query(sql, params).catch((err: unknown) => {
      this.failure ??= err;
    });
  }

  /** COMMIT, once every statement sent before it was answered: refused if one of them failed. */
  async commit(): Promise<void> {
    const result = await this.client.query('COMMIT').catch((err: unknown) => {
      throw this.failure ?? err;
    });
    if (this.failure != null) throw this.failure;
    // COMMIT of a transaction a failure ended answers ROLLBACK.
    if (result.command !== 'COMMIT') throw new Error('The transaction was rolled back');
  }
}
