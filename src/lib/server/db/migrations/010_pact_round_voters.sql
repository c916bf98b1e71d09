-- The pact's rounds whose tally was released in a live session, and who chose in each: the phones'
-- consent keys, never their choices. Kept while the session runs, apart from the clauses (a clause
-- removed and written again is still compared), so that a clause put to the room again is released
-- only if it singles no one out against the earlier ones (disclosure.ts, rule 5); forgotten when the
-- session settles.
CREATE TABLE pact_released_rounds (
	round_id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	clause_id INTEGER NOT NULL,
	library_id TEXT,
	-- The wording without case, accents, spaces or punctuation: the same question asked again.
	wording_key TEXT NOT NULL,
	threshold INTEGER NOT NULL
);
CREATE INDEX pact_released_rounds_by_session ON pact_released_rounds (session_id);

CREATE TABLE pact_round_voters (
	round_id INTEGER NOT NULL REFERENCES pact_released_rounds (round_id) ON DELETE CASCADE,
	voter_key TEXT NOT NULL,
	PRIMARY KEY (round_id, voter_key)
) WITHOUT ROWID;
