import type { Migration } from './migrations';
import { FIRST_SCHEMA } from './schema-first';

/**
 * The schema's history. A step is never edited once released (what it makes of a file stays the
 * same; how it is run may change): a change is a new step. Each list filter and sort the queue
 * offers has an index that serves it in order.
 */
export const MIGRATIONS: readonly Migration[] = [
  FIRST_SCHEMA,
  {
    version: 2,
    name: 'facts about the store itself',
    sql: `
      -- What happened to the store as a whole, by key: e.g. the one-time import from the files
      -- (where they were set aside), so a crash midway is finished at the next open.
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: "threading, arrival dates, the settings document and each reply's states",
    sql: `
      -- The post a post answers: a conversation stored before the post it answers (X serves newest
      -- first) is found by it when that post arrives, and folded into its conversation.
      ALTER TABLE posts ADD COLUMN in_reply_to TEXT;
      UPDATE posts SET in_reply_to = json_extract(body, '$.inReplyTo');
      CREATE INDEX posts_waiting ON posts (in_reply_to)
        WHERE in_reply_to IS NOT NULL AND id = conversation_id;

      -- When a conversation arrived, for the reports over a range of arrivals.
      ALTER TABLE conversations ADD COLUMN created_ms INTEGER NOT NULL DEFAULT 0;
      UPDATE conversations SET created_ms = CAST(
        round((julianday(json_extract(body, '$.createdAt')) - 2440587.5) * 86400000) AS INTEGER);
      CREATE INDEX conversations_created ON conversations (created_ms, id);

      -- The settings document (lowdb's file) as a commit changed it, until its file is written:
      -- a crash in between finds it here at the next open and writes the file then.
      CREATE TABLE settings_pending (
        seq INTEGER PRIMARY KEY,
        text TEXT NOT NULL
      );

      -- Every state each reply went through, in order (the outbox keeps the latest): what a
      -- reply did before it was sent, e.g. marked sending twice when a first try got no answer.
      CREATE TABLE outbox_states (
        seq INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        state TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX outbox_states_of ON outbox_states (key, seq);
      CREATE TRIGGER outbox_state_in AFTER INSERT ON outbox BEGIN
        INSERT INTO outbox_states (key, state, at)
          VALUES (new.key, new.state, json_extract(new.body, '$.updatedAt'));
      END;
      CREATE TRIGGER outbox_state_change AFTER UPDATE ON outbox BEGIN
        INSERT INTO outbox_states (key, state, at)
          VALUES (new.key, new.state, json_extract(new.body, '$.updatedAt'));
      END;
    `,
  },
  {
    version: 4,
    name: 'what reports count of a post, beside it',
    sql: `
      -- Whether the brand wrote a post, the agent who sent it from the inbox, and whether it went
      -- privately or from another app: the reports read these for every post of a range. Kept in
      -- an index with the conversation and the time, a range's posts are read from the index
      -- alone, never from their bodies; it serves what posts_conversation served, which goes.
      ALTER TABLE posts ADD COLUMN outbound INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE posts ADD COLUMN sent_by TEXT;
      ALTER TABLE posts ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE posts ADD COLUMN outside INTEGER NOT NULL DEFAULT 0;
      UPDATE posts SET
        outbound = json_extract(body, '$.direction') = 'outbound',
        sent_by = json_extract(body, '$.sentBy'),
        private = coalesce(json_extract(body, '$.private'), 0),
        outside = coalesce(json_extract(body, '$.outside'), 0);
      DROP INDEX posts_conversation;
      CREATE INDEX posts_facts
        ON posts (conversation_id, created_ms, id, outbound, sent_by, private, outside);
    `,
  },
  {
    version: 5,
    name: 'facet counts moved by the store, once per commit',
    sql: `
      -- A conversation whose filter columns change moves from one count to another. The store
      -- moves the counts itself, netted over the commit (SqlConversations.put): a bulk change of
      -- 500 conversations moves each combination it touches once, where this trigger ran two
      -- statements per conversation. Inserts and deletes keep their triggers.
      DROP TRIGGER conversations_facet_move;
    `,
  },
  {
    version: 6,
    name: 'Idempotency-Keys in the store',
    sql: `
      -- The keys of the hub's calls, a day long (they were idempotency.jsonl): in the same log as
      -- the changes the calls make, so one flush makes both durable.
      CREATE TABLE idempotency_keys (
        agent TEXT NOT NULL,
        key TEXT NOT NULL,
        at INTEGER NOT NULL,
        method TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('answered', 'in-doubt')),
        answer TEXT,
        PRIMARY KEY (agent, key)
      ) WITHOUT ROWID;
      CREATE INDEX idempotency_keys_at ON idempotency_keys (at);
    `,
  },
  {
    version: 7,
    name: 'stretches of posts sync could not fetch',
    sql: `
      CREATE TABLE sync_gaps (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        since_ms INTEGER NOT NULL,
        until_ms INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX sync_gaps_account ON sync_gaps (account_id, since_ms);
      CREATE INDEX sync_gaps_since ON sync_gaps (since_ms);
    `,
  },
  {
    version: 8,
    name: 'answered by a statement, answered with another app',
    sql: `
      -- The public statement that answered a conversation (who published it, when), read with
      -- its head by the reports; and whether the brand answered it with another app, a filter of
      -- the queue with its own index (few conversations have it).
      ALTER TABLE conversations ADD COLUMN statement_by TEXT;
      ALTER TABLE conversations ADD COLUMN statement_ms INTEGER;
      ALTER TABLE conversations ADD COLUMN answered_outside INTEGER NOT NULL DEFAULT 0;
    `,
    backfill: {
      table: 'conversations',
      set: `
        statement_by = json_extract(body, '$.statement.by'),
        statement_ms = CAST(round((julianday(json_extract(body, '$.statement.at')) - 2440587.5)
          * 86400000) AS INTEGER),
        answered_outside = coalesce(json_extract(body, '$.answeredOutside'), 0)`,
      then: `
        CREATE INDEX conversations_outside ON conversations (last_post_ms, id)
          WHERE answered_outside = 1;`,
    },
  },
  {
    version: 9,
    name: "the tone of the customer's latest post",
    sql: `
      -- The tone of a conversation's latest customer post (negative, neutral, positive; null when
      -- not scored), a filter of the queue, with an index that lists each tone newest first.
      ALTER TABLE conversations ADD COLUMN sentiment TEXT;
    `,
    backfill: {
      table: 'conversations',
      set: `sentiment = json_extract(body, '$.sentiment')`,
      then: `
        CREATE INDEX conversations_sentiment ON conversations (sentiment, last_post_ms, id)
          WHERE sentiment IS NOT NULL;`,
    },
  },
  {
    version: 10,
    name: 'posts translated on demand',
    sql: `
      -- A customer's post in an agent's language, as the translation service gave it: asked of
      -- the service once per post and language, then read from here.
      CREATE TABLE post_translations (
        post_id TEXT NOT NULL,
        target TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (post_id, target)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 11,
    name: "what reports count of a post's tone and language, beside it",
    sql: `
      -- A customer post's tone and every post's language, read with the other facts of a range's
      -- posts (the negative share per hour, reassurance, answers in the customer's language): in
      -- the facts index, so the reports still read the index alone.
      ALTER TABLE posts ADD COLUMN sentiment TEXT;
      ALTER TABLE posts ADD COLUMN language TEXT;
    `,
    backfill: {
      table: 'posts',
      set: `
        sentiment = json_extract(body, '$.sentiment'),
        language = json_extract(body, '$.language')`,
      then: `
        DROP INDEX posts_facts;
        CREATE INDEX posts_facts ON posts
          (conversation_id, created_ms, id, outbound, sent_by, private, outside, sentiment, language);`,
    },
  },
  {
    version: 12,
    name: 'replies sent translated',
    sql: `
      -- A reply drafted in the agent's language and sent in the customer's (its body keeps the
      -- draft, both languages and the service): reports count them, through their own index.
      ALTER TABLE outbox ADD COLUMN translated INTEGER NOT NULL DEFAULT 0;
    `,
    backfill: {
      table: 'outbox',
      set: 'translated = 1',
      where: `json_type(body, '$.translation') = 'object'`,
      then: 'CREATE INDEX outbox_translated ON outbox (created_at) WHERE translated = 1;',
    },
  },
  {
    version: 13,
    name: 'who wrote each post, beside its other facts',
    sql: `
      -- Reassurance counts the customer who began a conversation writing again, not whoever else
      -- joined in: the author is read with the other facts of a range's posts, from the index.
      ALTER TABLE posts ADD COLUMN author_id TEXT;
    `,
    backfill: {
      table: 'posts',
      set: `author_id = json_extract(body, '$.author.id')`,
      then: `
        DROP INDEX posts_facts;
        CREATE INDEX posts_facts ON posts (conversation_id, created_ms, id, outbound, sent_by,
          private, outside, sentiment, language, author_id);`,
    },
  },
  {
    version: 14,
    name: 'replies of the last day, by the time they were queued',
    sql: `
      -- The duplicate-reply guard reads the replies queued in the last 24 hours in the commit that
      -- queues one more: from this index, not the whole outbox.
      CREATE INDEX outbox_created ON outbox (created_at);
    `,
  },
];

/** The newest schema this version of the inbox knows. */
