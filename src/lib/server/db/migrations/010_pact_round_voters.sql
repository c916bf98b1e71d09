-- Who took part in a released round of the pact: the phones' consent keys, never their choices.
-- Kept while the session runs, so that a clause reworded and put to the room again is released only
-- if the people who left and those who came since are each none or at least k (disclosure.ts, rule 5);
-- forgotten when the session settles.
CREATE TABLE pact_round_voters (
	round_id INTEGER NOT NULL REFERENCES pact_rounds (id) ON DELETE CASCADE,
	voter_key TEXT NOT NULL,
	PRIMARY KEY (round_id, voter_key)
) WITHOUT ROWID;
