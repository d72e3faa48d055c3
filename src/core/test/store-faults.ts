import type { SqliteStore } from '../store/sql/sqlite-store';

/**
 * Makes a real store refuse writes the way a disk does, through SQLite itself: full (the file may
 * not grow: a write that needs a new page gets SQLITE_FULL) or not writable at all (every change
 * gets SQLITE_READONLY). `clear` gives the room and the right back.
 */
export class StoreFaults {
  constructor(private readonly store: () => SqliteStore) {}

  full(): void {
    const { db } = this.store();
    const { page_count } = db.prepare('PRAGMA page_count').get() as { page_count: number };
    db.exec(`PRAGMA max_page_count = ${Number(page_count)}`);
  }

  readOnly(): void {
    this.store().db.exec('PRAGMA query_only = ON');
  }

  clear(): void {
    this.store().db.exec('PRAGMA query_only = OFF; PRAGMA max_page_count = 1073741823');
  }
}
