import type { PgMigration } from './pg-migrations';
import { PG_COMMIT_STEPS } from './pg-schema-commits';
import { PG_LIST_STEPS } from './pg-schema-lists';
import { PG_ONE_TRIP_STEPS } from './pg-schema-one-trip';

/** Text compared and ordered byte by byte, as SQLite does: keyset pages and ties agree. */
const T = 'TEXT COLLATE "C"';

/**
 * The schema's history for PostgreSQL. A step is never edited once released: a change is a new
 * step. The tables mirror the embedded store's (the same columns, indexes and kept counts), so a
 * list's SQL is the same text on both; search is a pg_trgm index over the same lower-cased text.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'the inbox: queue, posts, notes, outbox, cursors, gaps, keys, settings and audit trail',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      CREATE TABLE conversations (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id ${T} NOT NULL UNIQUE,
        platform ${T} NOT NULL,
        account_id ${T} NOT NULL,
        status ${T} NOT NULL,
        assignee ${T},
        language ${T},
        priority INTEGER NOT NULL,
        reach BIGINT NOT NULL,
        last_post_ms BIGINT NOT NULL,
        created_ms BIGINT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX conversations_newest ON conversations (last_post_ms, id);
      CREATE INDEX conversations_created ON conversations (created_ms, id);
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
        conversation BIGINT NOT NULL REFERENCES conversations (rowid) ON DELETE CASCADE,
        tag ${T} NOT NULL,
        PRIMARY KEY (tag, conversation)
      );
      CREATE INDEX conversation_tags_of ON conversation_tags (conversation);

      -- Conversations per combination of the filter columns: inserts and deletes counted by
      -- triggers, updates moved by the store itself, netted over a commit (as on SQLite).
      CREATE TABLE conversation_facets (
        status ${T} NOT NULL,
        assignee ${T} NOT NULL,
        platform ${T} NOT NULL,
        account_id ${T} NOT NULL,
        language ${T} NOT NULL,
        priority INTEGER NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (status, assignee, platform, account_id, language, priority)
      );
      CREATE FUNCTION conversations_facet_in() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO conversation_facets VALUES (NEW.status, coalesce(NEW.assignee, ''),
          NEW.platform, NEW.account_id, coalesce(NEW.language, ''), NEW.priority, 1)
        ON CONFLICT (status, assignee, platform, account_id, language, priority)
        DO UPDATE SET n = conversation_facets.n + 1;
        RETURN NULL;
      END $$;
      CREATE FUNCTION conversations_facet_out() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE conversation_facets SET n = n - 1 WHERE status = OLD.status
          AND assignee = coalesce(OLD.assignee, '') AND platform = OLD.platform
          AND account_id = OLD.account_id AND language = coalesce(OLD.language, '')
          AND priority = OLD.priority;
        RETURN NULL;
      END $$;
      CREATE TRIGGER conversations_facet_in AFTER INSERT ON conversations
        FOR EACH ROW EXECUTE FUNCTION conversations_facet_in();
      CREATE TRIGGER conversations_facet_out AFTER DELETE ON conversations
        FOR EACH ROW EXECUTE FUNCTION conversations_facet_out();

      CREATE TABLE tag_counts (tag ${T} PRIMARY KEY, n BIGINT NOT NULL);
      CREATE FUNCTION conversation_tags_in() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO tag_counts VALUES (NEW.tag, 1)
        ON CONFLICT (tag) DO UPDATE SET n = tag_counts.n + 1;
        RETURN NULL;
      END $$;
      CREATE FUNCTION conversation_tags_out() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tag_counts SET n = n - 1 WHERE tag = OLD.tag;
        RETURN NULL;
      END $$;
      CREATE TRIGGER conversation_tags_in AFTER INSERT ON conversation_tags
        FOR EACH ROW EXECUTE FUNCTION conversation_tags_in();
      CREATE TRIGGER conversation_tags_out AFTER DELETE ON conversation_tags
        FOR EACH ROW EXECUTE FUNCTION conversation_tags_out();

      -- Author and excerpt, lower-cased: read row by row when a search matches much of the queue,
      -- looked up by trigrams (any part of a word, in any script) when it matches little.
      CREATE TABLE conversation_search (
        rowid BIGINT PRIMARY KEY REFERENCES conversations (rowid) ON DELETE CASCADE,
        text TEXT NOT NULL
      );
      CREATE INDEX conversation_search_trigrams ON conversation_search USING gin (text gin_trgm_ops);

      CREATE TABLE posts (
        id ${T} PRIMARY KEY,
        conversation_id ${T} NOT NULL,
        account_id ${T} NOT NULL,
        created_ms BIGINT NOT NULL,
        in_reply_to ${T},
        outbound BOOLEAN NOT NULL,
        sent_by ${T},
        private BOOLEAN NOT NULL,
        outside BOOLEAN NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX posts_facts
        ON posts (conversation_id, created_ms, id, outbound, sent_by, private, outside);
      CREATE INDEX posts_account ON posts (account_id);
      CREATE INDEX posts_created ON posts (created_ms, id);
      CREATE INDEX posts_waiting ON posts (in_reply_to)
        WHERE in_reply_to IS NOT NULL AND id = conversation_id;

      CREATE TABLE notes (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        id ${T} PRIMARY KEY,
        conversation_id ${T} NOT NULL,
        created_at ${T} NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX notes_conversation ON notes (conversation_id, created_at, rowid);

      CREATE TABLE outbox (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        key ${T} PRIMARY KEY,
        state ${T} NOT NULL,
        conversation_id ${T} NOT NULL,
        created_at ${T} NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX outbox_state ON outbox (state);
      CREATE INDEX outbox_conversation ON outbox (conversation_id);
      CREATE TABLE outbox_states (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key ${T} NOT NULL,
        state ${T} NOT NULL,
        at ${T}
      );
      CREATE INDEX outbox_states_of ON outbox_states (key, seq);
      CREATE FUNCTION outbox_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox_states (key, state, at)
          VALUES (NEW.key, NEW.state, NEW.body::jsonb ->> 'updatedAt');
        RETURN NULL;
      END $$;
      CREATE TRIGGER outbox_state AFTER INSERT OR UPDATE ON outbox
        FOR EACH ROW EXECUTE FUNCTION outbox_state();

      CREATE TABLE cursors (
        account_id ${T} NOT NULL,
        stream ${T} NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (account_id, stream)
      );

      CREATE TABLE sync_gaps (
        id ${T} PRIMARY KEY,
        account_id ${T} NOT NULL,
        since_ms BIGINT NOT NULL,
        until_ms BIGINT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX sync_gaps_account ON sync_gaps (account_id, since_ms);
      CREATE INDEX sync_gaps_since ON sync_gaps (since_ms);

      CREATE TABLE settings_pending (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        text TEXT NOT NULL
      );

      CREATE TABLE idempotency_keys (
        agent ${T} NOT NULL,
        key ${T} NOT NULL,
        at BIGINT NOT NULL,
        method TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('answered', 'in-doubt')),
        answer TEXT,
        PRIMARY KEY (agent, key)
      );
      CREATE INDEX idempotency_keys_at ON idempotency_keys (at);

      -- Each entry as the canonical text its hash was taken of, and the hash; the head in its own
      -- row, written in the same transaction.
      CREATE TABLE audit (
        seq BIGINT PRIMARY KEY,
        at ${T} NOT NULL,
        conversation_id ${T},
        canonical TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_conversation ON audit (conversation_id, seq);
      CREATE INDEX audit_at ON audit (at, seq);
      CREATE TABLE audit_head (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL
      );

      CREATE TABLE meta (key ${T} PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'answered by a statement, answered with another app',
    sql: `
      -- The public statement that answered a conversation (who published it, when), read with
      -- its head by the reports; and whether the brand answered it with another app, a filter of
      -- the queue with its own index (few conversations have it).
      ALTER TABLE conversations ADD COLUMN statement_by ${T};
      ALTER TABLE conversations ADD COLUMN statement_ms BIGINT;
      ALTER TABLE conversations ADD COLUMN answered_outside INTEGER NOT NULL DEFAULT 0;
      UPDATE conversations SET
        statement_by = body::jsonb -> 'statement' ->> 'by',
        statement_ms = round(extract(epoch FROM
          (body::jsonb -> 'statement' ->> 'at')::timestamptz) * 1000)::bigint,
        answered_outside = CASE WHEN (body::jsonb ->> 'answeredOutside')::boolean THEN 1 ELSE 0 END;
      CREATE INDEX conversations_outside ON conversations (last_post_ms, id)
        WHERE answered_outside = 1;
    `,
  },
  {
    version: 3,
    name: 'leases and claims of work one replica alone does',
    sql: `
      -- Who does a piece of work alone (an account's sync) and until when (ms): renewed by its
      -- holder, taken by another replica once it ran out.
      CREATE TABLE leases (
        name ${T} PRIMARY KEY,
        holder ${T} NOT NULL,
        until_ms BIGINT NOT NULL
      );
      -- A reply being sent: its row is locked (FOR UPDATE) by the sending replica's open
      -- transaction, which ends with the send or with the replica; the others skip it.
      CREATE TABLE outbox_claims (key ${T} PRIMARY KEY);
    `,
  },
  {
    version: 4,
    name: "the tone of the customer's latest post, posts translated on demand",
    sql: `
      -- The tone of a conversation's latest customer post (negative, neutral, positive; null when
      -- not scored), a filter of the queue, with an index that lists each tone newest first.
      ALTER TABLE conversations ADD COLUMN sentiment ${T};
      UPDATE conversations SET sentiment = body::jsonb ->> 'sentiment'
        WHERE body::jsonb ->> 'sentiment' IS NOT NULL;
      CREATE INDEX conversations_sentiment ON conversations (sentiment, last_post_ms, id)
        WHERE sentiment IS NOT NULL;
      -- A customer's post in an agent's language, as the translation service gave it: asked of
      -- the service once per post and language, then read from here.
      CREATE TABLE post_translations (
        post_id ${T} NOT NULL,
        target ${T} NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (post_id, target)
      );
    `,
  },
  {
    version: 5,
    name: "what reports count of a post's tone and language, beside it",
    sql: `
      -- A customer post's tone and every post's language, read with the other facts of a range's
      -- posts (the negative share per hour, reassurance, answers in the customer's language).
      ALTER TABLE posts ADD COLUMN sentiment ${T};
      ALTER TABLE posts ADD COLUMN language ${T};
      UPDATE posts SET
        sentiment = body::jsonb ->> 'sentiment',
        language = body::jsonb ->> 'language'
        WHERE body::jsonb ->> 'sentiment' IS NOT NULL OR body::jsonb ->> 'language' IS NOT NULL;
      DROP INDEX posts_facts;
      CREATE INDEX posts_facts ON posts
        (conversation_id, created_ms, id, outbound, sent_by, private, outside, sentiment, language);
    `,
  },
  {
    version: 6,
    name: 'what the replicas share: the settings, sign-in attempts, presence, handled deliveries',
    sql: `
      -- The settings document (team, token hashes, accounts, rules, tags, views, saved replies),
      -- one row, changed in the commit that goes with the change, its version one more each time.
      CREATE TABLE settings_doc (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        version BIGINT NOT NULL,
        text TEXT NOT NULL
      );
      -- Sign-in attempts per address in the current window (ms since the epoch).
      CREATE TABLE sign_in_attempts (
        address ${T} PRIMARY KEY,
        since_ms BIGINT NOT NULL,
        n INTEGER NOT NULL
      );
      -- Who is looking at which conversation, through which replica, until when (ms).
      CREATE TABLE presence (
        agent_id ${T} NOT NULL,
        replica ${T} NOT NULL,
        body TEXT NOT NULL,
        until_ms BIGINT NOT NULL,
        PRIMARY KEY (agent_id, replica)
      );
      CREATE INDEX presence_until ON presence (until_ms);
      -- Work a delivery caused, by its id, done once whichever replica it reached.
      CREATE TABLE handled_once (
        id ${T} PRIMARY KEY,
        at_ms BIGINT NOT NULL,
        done BOOLEAN NOT NULL DEFAULT false
      );
      CREATE INDEX handled_once_at ON handled_once (at_ms);
      -- The replies of the last day, which the duplicate-reply guard counts across replicas.
      CREATE INDEX outbox_created ON outbox (created_at);
    `,
  },
  {
    version: 7,
    name: 'replies sent translated',
    sql: `
      -- A reply drafted in the agent's language and sent in the customer's (its body keeps the
      -- draft, both languages and the service): reports count them, through their own index.
      ALTER TABLE outbox ADD COLUMN translated BOOLEAN NOT NULL DEFAULT false;
      UPDATE outbox SET translated = true
        WHERE jsonb_typeof(body::jsonb -> 'translation') = 'object';
      CREATE INDEX outbox_translated ON outbox (created_at) WHERE translated;
    `,
  },
  {
    version: 8,
    name: 'secrets shared by the replicas, sealed',
    sql: `
      -- Platform credentials and service keys, sealed (AES-256-GCM, bound to their name) with a
      -- key the replicas are given and the database never sees.
      CREATE TABLE secrets (
        name ${T} PRIMARY KEY,
        nonce BYTEA NOT NULL,
        sealed BYTEA NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 9,
    name: 'who wrote each post, beside its other facts',
    sql: `
      -- Reassurance counts the customer who began a conversation writing again, not whoever else
      -- joined in: the author is read with the other facts of a range's posts.
      ALTER TABLE posts ADD COLUMN author_id ${T};
      UPDATE posts SET author_id = body::jsonb -> 'author' ->> 'id';
      DROP INDEX posts_facts;
      CREATE INDEX posts_facts ON posts (conversation_id, created_ms, id, outbound, sent_by,
        private, outside, sentiment, language, author_id);
    `,
  },
  {
    version: 10,
    name: "the queue's pages read by one process",
    sql: `
      -- A list reads a page along an index and stops: at a million conversations the planner
      -- handed a tag's page to parallel workers, whose start cost more than the page (34 ms
      -- against 15 ms alone). The queue's tables are read a page at a time, each by one process.
      ALTER TABLE conversations SET (parallel_workers = 0);
      ALTER TABLE conversation_tags SET (parallel_workers = 0);
      ALTER TABLE conversation_search SET (parallel_workers = 0);
    `,
  },
  ...PG_COMMIT_STEPS,
  ...PG_LIST_STEPS,
  ...PG_ONE_TRIP_STEPS,
];
