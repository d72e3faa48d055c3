import type { PgMigration } from './pg-migrations';

/** SQLSTATE of a commit whose call's Idempotency-Key another process holds (`idempotency_claim`). */
export const KEY_TAKEN_CODE = 'SIK01';

/** SQLSTATE of a commit made from a conversation's text that is no longer its row's. */
export const NOT_AS_KNOWN_CODE = 'SIC01';

/**
 * Step 13: an agent's change of a conversation it was just shown commits in one round trip. Until
 * this step a commit read the conversation's row (and its call's key) and waited for the answer
 * before it sent its change: two round trips, each a wait for the server's process and for the
 * hub's event loop, while the 20 agents' lists take the same cores. The change is now made from
 * the text the hub last saw (KnownRows) and sent with everything else of the commit; the two
 * statements it used to wait for raise instead of answering, so a failure of either undoes the
 * whole transaction and the hub hears of it at COMMIT.
 *
 * - `conversation_as_known` locks the row, as the read did, if it is still the text the change was
 *   made from; else it raises SIC01 and the commit is made again from the row as it is.
 * - `idempotency_claim` writes the call's key as the commit's claim did (a record of the same
 *   agent and key written at or before `since` is taken over); when another process holds the
 *   key it raises SIK01, and the call waits for that process's answer as before.
 */
export const PG_ONE_TRIP_STEPS: readonly PgMigration[] = [
  {
    version: 13,
    name: 'a change made from a known row commits in one round trip',
    sql: `
      CREATE FUNCTION conversation_as_known(known_rowid bigint, known_body text)
        RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM conversations WHERE rowid = known_rowid AND body = known_body FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'conversation row % changed since it was read', known_rowid
            USING ERRCODE = '${NOT_AS_KNOWN_CODE}';
        END IF;
      END $$;

      CREATE FUNCTION idempotency_claim(claim_agent text, claim_key text, claim_at bigint,
          claim_method text, claim_fingerprint text, claim_state text, claim_answer text,
          since bigint)
        RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO idempotency_keys AS k (agent, key, at, method, fingerprint, state, answer)
          VALUES (claim_agent, claim_key, claim_at, claim_method, claim_fingerprint, claim_state,
            claim_answer)
          ON CONFLICT (agent, key) DO UPDATE SET at = excluded.at, method = excluded.method,
            fingerprint = excluded.fingerprint, state = excluded.state, answer = excluded.answer
          WHERE k.at <= since;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'the Idempotency-Key is held by another request'
            USING ERRCODE = '${KEY_TAKEN_CODE}';
        END IF;
      END $$;
    `,
  },
];
