import type { PgMigration } from './pg-migrations';

/**
 * Step 11: a commit holds the write lock for its server's work alone. Until this step a commit
 * took the lock first and kept it while the hub read the head, sealed the entries and sent them
 * back, a round trip (and the hub's event loop) inside every other commit's wait. Now a commit
 * writes its rows first, under their own row locks, and then, sent together without waiting:
 * the write lock, the counts it moves, `audit_append` and COMMIT.
 *
 * - `audit_append` seals the entries in the database, after the head it finds under the lock:
 *   each entry's canonical text is the prefix the hub made of it (every member but `prev` and
 *   `seq`, which RFC 8785 sorts last) then `"prev":"<hash>","seq":<n>}`, hashed with SHA-256 over
 *   its UTF-8, the same text and hash the embedded store's chain code gives (audit-chain.ts).
 * - The counts the triggers keep (facets, tags) move at COMMIT, so after the write lock: their
 *   rows are shared by many conversations, and taken in the lock's order they can neither make
 *   two commits wait for each other in a circle nor hold a commit behind another's rows.
 */
export const PG_COMMIT_STEPS: readonly PgMigration[] = [
  {
    version: 11,
    name: 'commits that hold the write lock only for the trail and the counts',
    sql: `
      CREATE FUNCTION audit_append(prefixes text[], stamped text, conversation_ids text[])
        RETURNS TABLE (seq bigint, prev text, hash text) LANGUAGE plpgsql AS $$
      DECLARE
        n integer := coalesce(array_length(prefixes, 1), 0);
        last_seq bigint;
        last_hash text;
        canonical text;
        seqs bigint[] := '{}';
        prevs text[] := '{}';
        texts text[] := '{}';
        hashes text[] := '{}';
      BEGIN
        IF n = 0 THEN
          RETURN;
        END IF;
        SELECT h.seq, h.hash INTO last_seq, last_hash FROM audit_head h WHERE h.one = 1;
        IF NOT FOUND THEN
          last_seq := 0;
          last_hash := repeat('0', 64);
        END IF;
        FOR i IN 1 .. n LOOP
          canonical := prefixes[i] || '"prev":"' || last_hash || '","seq":' || (last_seq + 1) || '}';
          prevs := prevs || last_hash;
          last_seq := last_seq + 1;
          last_hash := encode(sha256(convert_to(canonical, 'UTF8')), 'hex');
          seqs := seqs || last_seq;
          texts := texts || canonical;
          hashes := hashes || last_hash;
        END LOOP;
        INSERT INTO audit AS a (seq, at, conversation_id, canonical, hash)
          SELECT * FROM unnest(seqs, array_fill(stamped, ARRAY[n]), conversation_ids, texts, hashes);
        INSERT INTO audit_head AS h (one, seq, hash) VALUES (1, last_seq, last_hash)
          ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
        RETURN QUERY SELECT * FROM unnest(seqs, prevs, hashes);
      END $$;

      DROP TRIGGER conversations_facet_in ON conversations;
      DROP TRIGGER conversations_facet_out ON conversations;
      DROP TRIGGER conversation_tags_in ON conversation_tags;
      DROP TRIGGER conversation_tags_out ON conversation_tags;
      CREATE CONSTRAINT TRIGGER conversations_facet_in AFTER INSERT ON conversations
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION conversations_facet_in();
      CREATE CONSTRAINT TRIGGER conversations_facet_out AFTER DELETE ON conversations
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION conversations_facet_out();
      CREATE CONSTRAINT TRIGGER conversation_tags_in AFTER INSERT ON conversation_tags
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION conversation_tags_in();
      CREATE CONSTRAINT TRIGGER conversation_tags_out AFTER DELETE ON conversation_tags
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION conversation_tags_out();
    `,
  },
];
