/** A conversation's row as this process last saw it stored: its rowid and its stored text. */
export interface KnownRow {
  rowid: number;
  body: string;
}

/** A row of a listed page as the database answered it: the stored text, the rowid, the id. */
export type PageRow = readonly [body: string, rowid: number, id: string];

/**
 * How many listed pages a process keeps (pages of 50: about 3,200 rows of about 1.5 kB): 20
 * agents' last pages, and those listed while their changes are on their way.
 */
export const KNOWN_PAGES = 64;

/** How many conversations read by id or committed by this process it keeps besides. */
export const KNOWN_ROWS = 1024;

/**
 * The stored texts of the conversations this process listed, read or changed last. An agent
 * changes a conversation of the page it was just given: the change is made from the text kept
 * here and sent with the rest of its commit, the database checking first, under the row's lock,
 * that the row is still that text (`conversation_as_known`, schema step 13). A text gone stale
 * (another process changed the conversation) refuses the commit, which is made again from the row
 * as it is: what a stale text costs is one more try, never a change made on the wrong state.
 *
 * A page is kept whole, as the database answered it, and searched only when a change comes: the
 * team's lists cost nothing more here, their changes a scan of at most a few thousand ids.
 */
export class KnownRows {
  /** The pages listed last, oldest first, each with when it was kept. */
  private readonly pages: { seen: number; rows: readonly PageRow[] }[] = [];
  /** Rows read by id or committed, oldest first (a row seen again goes to the end). */
  private readonly rows = new Map<string, KnownRow & { seen: number }>();
  /** Counts what was kept, so the latest of a page and a row is told apart. */
  private seen = 0;

  constructor(private readonly limits = { pages: KNOWN_PAGES, rows: KNOWN_ROWS }) {}

  /** Keeps a listed page (its rows as the database answered them, not copied). */
  keepPage(rows: readonly PageRow[]): void {
    if (rows.length === 0) return;
    this.pages.push({ seen: ++this.seen, rows });
    if (this.pages.length > this.limits.pages) this.pages.shift();
  }

  /** Keeps a row read by id, or written by a commit of this process once it is durable. */
  set(id: string, row: KnownRow): void {
    this.rows.delete(id);
    this.rows.set(id, { rowid: row.rowid, body: row.body, seen: ++this.seen });
    if (this.rows.size > this.limits.rows) this.rows.delete(this.rows.keys().next().value!);
  }

  /** The conversation's row as this process saw it last, if it still knows it. */
  find(id: string): KnownRow | undefined {
    const row = this.rows.get(id);
    for (let p = this.pages.length - 1; p >= 0; p--) {
      const page = this.pages[p]!;
      if (row && row.seen > page.seen) break;
      const rows = page.rows;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row[2] === id) return { rowid: row[1], body: row[0] };
      }
    }
    return row ? { rowid: row.rowid, body: row.body } : undefined;
  }
}
