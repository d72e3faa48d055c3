import { ConversationSchema } from '../../../shared';
import type { Conversation } from '../../../shared';
import { changedMeanwhile, noConversation } from '../conversation-refusals';
import { sameSearchText, searchText } from '../sql/conversation-sql';
import {
  COLUMNS,
  FACET,
  FACET_BITS,
  FacetMoves,
  columnsMoved,
  sameList,
} from '../sql/conversation-columns';
import type { SqlValue } from '../sql/sqlite';
import { prepared, rowsOf, unnestOf } from './pg-client';
import type { Queryable } from './pg-client';
import type { KnownRows } from './pg-known';
import { inIdOrder } from './pg-sent';
import type { SentWrites } from './pg-sent';

/** The SQL types of a facet's key, in the order of FACET, then of its count. */
const FACET_TYPES = ['text', 'text', 'text', 'text', 'text', 'integer', 'bigint'];

/** Facet keys in one order (text byte by byte, numbers by value). */
function compareKeys(a: readonly SqlValue[], b: readonly SqlValue[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * A conversation's stored text: as its schema gives it (a field the contract does not have is left
 * out), so that lists answer the stored texts as they are (`listJson`).
 */
export function bodyOf(conversation: Conversation): string {
  return JSON.stringify(ConversationSchema.parse(conversation));
}

/** The SQL types of the numeric columns (the others are text). */
const COLUMN_TYPES: Record<string, string> = {
  priority: 'integer',
  reach: 'bigint',
  last_post_ms: 'bigint',
  created_ms: 'bigint',
  statement_ms: 'bigint',
  answered_outside: 'integer',
};

/** The queue's writes, on a commit's connection, inside its transaction. */
export class PgConversationWrites {
  constructor(
    private readonly db: Queryable,
    /** Where the commit's writes are sent without waiting for their answers (pipelined). */
    private readonly sent?: SentWrites,
    /** The rows this process saw last, and those its commits write once they are durable. */
    private readonly known?: KnownRows,
    /**
     * Whether a change is made from a known row without reading it again: not when the commit is
     * made again because one of them was stale.
     */
    private readonly fromKnown = true,
  ) {}

  /**
   * Stores new states on the commit's connection, as the embedded store does: a stored
   * conversation is updated only in what moved, facet counts netted over the call, tags and
   * search text written only where they changed. The stored states are read in one query, their
   * rows locked to the commit's end; with `expect`, each conversation must still be at the version
   * its change was made on, else the commit is refused with the conversation as it now is.
   */
  async put(
    conversations: readonly Conversation[],
    expect?: Readonly<Record<string, number>>,
  ): Promise<void> {
    if (conversations.length === 0) return;
    const ids = new Set([...conversations.map((c) => c.id), ...Object.keys(expect ?? {})]);
    const stored = await this.locked([...ids], expect);
    // New conversations in three statements (rows, tags, search text); a second state of one of
    // them in the same call is then an update, as it would be one at a time.
    const fresh = new Map<string, Conversation>();
    for (const c of conversations) if (!stored.has(c.id) && !fresh.has(c.id)) fresh.set(c.id, c);
    const taken = await this.insert([...fresh.values()], stored);
    // Stored meanwhile by a commit that held them first: checked and updated as stored ones.
    if (taken.length > 0) {
      for (const [id, row] of await this.locked(taken, expect)) stored.set(id, row);
      for (const id of taken) fresh.delete(id);
    }
    // The first state of a new conversation is inserted; a later one in the call is an update.
    await this.update(
      conversations.filter((c) => {
        if (fresh.get(c.id) !== c) return true;
        fresh.delete(c.id);
        return false;
      }),
      stored,
    );
  }

  /**
   * Changes one stored conversation from its state in the commit's transaction, its row locked
   * first (see the `conversations.change` change): refused when it is not stored or not at the
   * version the change was made for.
   */
  async change(id: string, version: number, change: (current: Conversation) => Conversation) {
    const known = this.sent && this.fromKnown ? this.known?.find(id) : undefined;
    if (known && this.sent) {
      const current = JSON.parse(known.body) as Conversation;
      // Made from the row as this process last saw it, if the change was made for that version:
      // the database locks the row and checks that it is still that text before the change's
      // writes, sent with it; else the commit is refused and made again from the row as it is.
      if (current.version === version) {
        this.sent.send('SELECT conversation_as_known($1, $2)', [known.rowid, known.body]);
        await this.update([change(current)], new Map([[id, { ...known }]]));
        return;
      }
    }
    const stored = await this.locked([id], { [id]: version });
    const row = stored.get(id);
    if (!row) throw noConversation(id);
    await this.update([change(JSON.parse(row.body) as Conversation)], stored);
  }

  /**
   * Writes new states of stored conversations over their locked rows: only what moved, facet
   * counts netted over the call, tags and search text only where they changed.
   */
  private async update(
    conversations: readonly Conversation[],
    stored: Map<string, { rowid: number; body: string }>,
  ): Promise<void> {
    const facets = new FacetMoves();
    for (const c of conversations) {
      const body = bodyOf(c);
      const row = stored.get(c.id)!;
      const previous = JSON.parse(row.body) as Conversation;
      const { moved, values: changed } = columnsMoved(previous, c);
      const values: SqlValue[] = [body, ...changed, row.rowid];
      const set = COLUMNS.filter((_, i) => (moved & (1 << i)) !== 0).map(
        (column, k) => `, ${column.name} = $${k + 2}`,
      );
      await this.write(
        `UPDATE conversations SET body = $1${set.join('')} WHERE rowid = $${values.length}`,
        values,
      );
      if ((moved & FACET_BITS) !== 0) facets.move(previous, c);
      if (!sameList(previous.tags, c.tags)) {
        const before = new Set(previous.tags);
        const after = new Set(c.tags);
        const gone = [...before].filter((t) => !after.has(t));
        const added = [...after].filter((t) => !before.has(t));
        if (gone.length > 0)
          await this.write(
            'DELETE FROM conversation_tags WHERE conversation = $1 AND tag = ANY($2)',
            [row.rowid, gone],
          );
        if (added.length > 0)
          await this.write(
            'INSERT INTO conversation_tags (conversation, tag) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
            [row.rowid, added],
          );
      }
      if (!sameSearchText(previous, c))
        await this.write('UPDATE conversation_search SET text = $1 WHERE rowid = $2', [
          searchText(c),
          row.rowid,
        ]);
      row.body = body;
      if (this.sent && this.known) {
        const known = this.known;
        const kept = { rowid: row.rowid, body };
        this.sent.whenCommitted(() => known.set(c.id, kept));
      }
    }
    // Every combination's count moved by one statement, in the order of the key, so two commits
    // moving the same counts take their rows in the same order.
    const moves = [...facets.netted()]
      .filter((m) => m.n !== 0)
      .sort((a, b) => compareKeys(a.facet, b.facet));
    if (moves.length === 0) return;
    const { sql, values } = rowsOf(
      moves.map((m) => [...m.facet, m.n]),
      FACET_TYPES,
    );
    await this.writeLocked(
      `INSERT INTO conversation_facets (${FACET}, n) ${sql}
       ON CONFLICT (${FACET}) DO UPDATE SET n = conversation_facets.n + excluded.n`,
      values,
    );
  }

  /** A write of a commit: sent without waiting where the commit pipelines them, else awaited. */
  private async write(sql: string, params: unknown[]): Promise<void> {
    if (this.sent) this.sent.send(sql, params);
    else await this.db.query(prepared(sql, params));
  }

  /**
   * A write of rows many conversations share (their counts): where the commit pipelines, sent
   * once it holds the write lock, so such rows are taken in the lock's order.
   */
  private async writeLocked(sql: string, params: unknown[]): Promise<void> {
    if (this.sent) this.sent.afterLock(sql, params);
    else await this.db.query(prepared(sql, params));
  }

  /**
   * The stored rows of these conversations, locked to the commit's end in the order of their ids
   * (two commits wanting the same ones take them in one order); with `expect`, each must still be
   * at the version its change was made on, else the commit is refused with it as it now is.
   */
  private async locked(
    ids: readonly string[],
    expect: Readonly<Record<string, number>> | undefined,
  ): Promise<Map<string, { rowid: number; body: string }>> {
    // One conversation (most commits) by its own statement: its plan is made once and kept,
    // where PostgreSQL plans the list's again at each call.
    const { rows } = await this.db.query<{ rowid: number; id: string; body: string }>(
      ids.length === 1
        ? prepared('SELECT rowid, id, body FROM conversations WHERE id = $1 FOR UPDATE', [ids[0]])
        : prepared(
            'SELECT rowid, id, body FROM conversations WHERE id = ANY($1) ORDER BY id FOR UPDATE',
            [ids],
          ),
    );
    for (const row of rows) {
      const wanted = expect?.[row.id];
      if (wanted === undefined) continue;
      const current = JSON.parse(row.body) as Conversation;
      if (current.version !== wanted) throw changedMeanwhile(current);
    }
    return new Map(rows.map((r) => [r.id, { rowid: r.rowid, body: r.body }]));
  }

  /**
   * Inserts new conversations with their tags and search text, noting their rowids, in the order
   * of their ids. Answers the ids another commit stored first (it held them until it ended): they
   * are not written here.
   */
  private async insert(
    given: readonly Conversation[],
    stored: Map<string, { rowid: number; body: string }>,
  ): Promise<string[]> {
    if (given.length === 0) return [];
    const sorted = inIdOrder(given);
    const names = [...COLUMNS.map((column) => column.name), 'id', 'body'];
    const values = [
      ...COLUMNS.map((column) => sorted.map((c) => column.of(c))),
      sorted.map((c) => c.id),
      sorted.map(bodyOf),
    ];
    const types = [...COLUMNS.map((column) => COLUMN_TYPES[column.name] ?? 'text'), 'text', 'text'];
    const { rows } = await this.db.query<{ rowid: number; id: string; body: string }>(
      `INSERT INTO conversations (${names.join(', ')})
       ${unnestOf(types)}
       ON CONFLICT (id) DO NOTHING RETURNING rowid, id, body`,
      values,
    );
    for (const r of rows) stored.set(r.id, { rowid: r.rowid, body: r.body });
    const list = sorted.filter((c) => stored.has(c.id));
    const taken = sorted.filter((c) => !stored.has(c.id)).map((c) => c.id);
    if (list.length === 0) return taken;
    const rowids = list.map((c) => stored.get(c.id)!.rowid);
    const tagged = list.flatMap((c, i) => [...new Set(c.tags)].map((tag) => [rowids[i]!, tag]));
    if (tagged.length > 0)
      await this.write(
        `INSERT INTO conversation_tags (conversation, tag)
         SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING`,
        [tagged.map((t) => t[0]), tagged.map((t) => t[1])],
      );
    await this.write(
      'INSERT INTO conversation_search (rowid, text) SELECT * FROM unnest($1::bigint[], $2::text[])',
      [rowids, list.map(searchText)],
    );
    return taken;
  }

  /** Removes conversations; their tags and search text go with them, the counts follow. */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length > 0)
      await this.db.query('DELETE FROM conversations WHERE id = ANY($1)', [[...new Set(ids)]]);
  }
}
