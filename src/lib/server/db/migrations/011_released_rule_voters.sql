-- The ground rules whose tally was released in a live session, and who chose on each: the phones'
-- consent keys, never their choices. Kept apart from the rules and their consents, so that a rule
-- edited or removed after its release is still compared with a pact clause of close words put to
-- the room later (disclosure.ts, rule 5); forgotten when the session settles. The words each rule
-- was released with are kept in the release itself.
CREATE TABLE released_rule_voters (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	rule_id INTEGER NOT NULL,
	voter_key TEXT NOT NULL,
	PRIMARY KEY (session_id, rule_id, voter_key)
) WITHOUT ROWID;

-- One « retour » in the room and one late reflection per phone (how many, never what): a group of
-- k texts shown together is then k phones, not one phone writing several.
ALTER TABLE participants ADD COLUMN late_feedback_sent INTEGER NOT NULL DEFAULT 0;
