import type { Migration } from './migrations';

/** The schema's first step: the tables of the queue, its posts, notes, outbox, cursors and audit trail. */
export const FIRST_SCHEMA: Migration = {
  version: 1,
  name: 'queue, posts, notes, outbox, cursors and audit trail',
  sql: `
    CREATE TABLE conversations (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      platform TEXT NOT NULL,
      account_id TEXT NOT NULL,
      status TEXT NOT NULL,
      assignee TEXT,
      language TEXT,
      priority INTEGER NOT NULL,
      reach INTEGER NOT NULL,
      last_post_ms INTEGER NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX conversations_newest ON conversations (last_post_ms, id);
    CREATE INDEX conversations_priority ON conversations (priority, last_post_ms, id);
    CREATE INDEX conversations_reach ON conversations (reach, last_post_ms, id);
    CREATE INDEX conversations_status ON conversations (status, last_post_ms, id);
    CREATE INDEX conversations_assignee ON conversations (assignee, last_post_ms, id);
    CREATE INDEX conversations_account ON conversations (account_id, last_post_ms, id);
    CREATE INDEX conversations_platform ON conversations (platform, last_post_ms, id);
    CREATE INDEX conversations_language ON conversations (language, last_post_ms, id);
    CREATE INDEX conversations_status_priority ON conversations (status, priority, last_post_ms, id);
    CREATE INDEX conversations_status_assignee ON conversations (status, assignee, last_post_ms, id);

    CREATE TABLE conversation_tags (
      conversation INTEGER NOT NULL REFERENCES conversations (rowid) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      PRIMARY KEY (tag, conversation)
    ) WITHOUT ROWID;
    CREATE INDEX conversation_tags_of ON conversation_tags (conversation);

    -- How many conversations each combination of the filter columns has (kept by triggers), so
    -- a list's total is a sum over a few rows instead of a count over the queue.
    CREATE TABLE conversation_facets (
      status TEXT NOT NULL,
      assignee TEXT NOT NULL,
      platform TEXT NOT NULL,
      account_id TEXT NOT NULL,
      language TEXT NOT NULL,
      priority INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (status, assignee, platform, account_id, language, priority)
    ) WITHOUT ROWID;
    CREATE TRIGGER conversations_facet_in AFTER INSERT ON conversations BEGIN
      INSERT INTO conversation_facets VALUES (new.status, coalesce(new.assignee, ''), new.platform,
        new.account_id, coalesce(new.language, ''), new.priority, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER conversations_facet_out AFTER DELETE ON conversations BEGIN
      UPDATE conversation_facets SET n = n - 1 WHERE status = old.status
        AND assignee = coalesce(old.assignee, '') AND platform = old.platform
        AND account_id = old.account_id AND language = coalesce(old.language, '')
        AND priority = old.priority;
    END;
    CREATE TRIGGER conversations_facet_move
    AFTER UPDATE OF status, assignee, platform, account_id, language, priority ON conversations
    WHEN old.status IS NOT new.status OR old.assignee IS NOT new.assignee
      OR old.platform IS NOT new.platform OR old.account_id IS NOT new.account_id
      OR old.language IS NOT new.language OR old.priority IS NOT new.priority
    BEGIN
      UPDATE conversation_facets SET n = n - 1 WHERE status = old.status
        AND assignee = coalesce(old.assignee, '') AND platform = old.platform
        AND account_id = old.account_id AND language = coalesce(old.language, '')
        AND priority = old.priority;
      INSERT INTO conversation_facets VALUES (new.status, coalesce(new.assignee, ''), new.platform,
        new.account_id, coalesce(new.language, ''), new.priority, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    END;

    CREATE TABLE tag_counts (tag TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TRIGGER conversation_tags_in AFTER INSERT ON conversation_tags BEGIN
      INSERT INTO tag_counts VALUES (new.tag, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER conversation_tags_out AFTER DELETE ON conversation_tags BEGIN
      UPDATE tag_counts SET n = n - 1 WHERE tag = old.tag;
    END;

    -- Author and excerpt, lower-cased, for search: read row by row when a search matches much of
    -- the queue, and indexed by trigrams (any part of a word, in any script) when it matches little.
    CREATE TABLE conversation_search (
      rowid INTEGER PRIMARY KEY REFERENCES conversations (rowid) ON DELETE CASCADE,
      text TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE conversation_text USING fts5 (
      text, content = 'conversation_search', content_rowid = 'rowid', tokenize = 'trigram'
    );
    CREATE TRIGGER conversation_search_in AFTER INSERT ON conversation_search BEGIN
      INSERT INTO conversation_text (rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER conversation_search_out AFTER DELETE ON conversation_search BEGIN
      INSERT INTO conversation_text (conversation_text, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER conversation_search_change AFTER UPDATE ON conversation_search BEGIN
      INSERT INTO conversation_text (conversation_text, rowid, text) VALUES ('delete', old.rowid, old.text);
      INSERT INTO conversation_text (rowid, text) VALUES (new.rowid, new.text);
    END;

    CREATE TABLE posts (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      account_id TEXT NOT NULL,
      created_ms INTEGER NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX posts_conversation ON posts (conversation_id, created_ms);
    CREATE INDEX posts_account ON posts (account_id);
    CREATE INDEX posts_created ON posts (created_ms);

    CREATE TABLE notes (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX notes_conversation ON notes (conversation_id, created_at);

    CREATE TABLE outbox (
      key TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX outbox_state ON outbox (state);
    CREATE INDEX outbox_conversation ON outbox (conversation_id);

    CREATE TABLE cursors (
      account_id TEXT NOT NULL,
      stream TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (account_id, stream)
    ) WITHOUT ROWID;

    -- Each entry as the canonical text its hash was taken of (RFC 8785, without the hash), so
    -- checking an entry is hashing its text, and the hash beside it.
    CREATE TABLE audit (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      conversation_id TEXT,
      canonical TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX audit_conversation ON audit (conversation_id, seq);
    CREATE INDEX audit_at ON audit (at);

    -- Where the trail last ended (seq, hash): entries removed from its end are detected.
    CREATE TABLE audit_head (
      one INTEGER PRIMARY KEY CHECK (one = 1),
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL
    );
  `,
};
