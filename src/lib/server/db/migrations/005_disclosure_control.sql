-- Disclosure control: figures come from frozen sets only, and nothing that identifies a person
-- (name, consent, check-in) can be joined to an answer by any query.

-- The activities whose figures went out ('checkin', 'frame', 'questionnaire', comma-separated):
-- they take no more input, so nothing is ever published again for a slightly different set.
ALTER TABLE sessions ADD COLUMN published TEXT NOT NULL DEFAULT '';

-- What the room was shown of the check-in and of the ground rules, frozen when the activity closed:
-- only figures that passed the threshold (JSON, see server/sessions/releases.ts).
CREATE TABLE session_releases (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	activity TEXT NOT NULL CHECK (activity IN ('checkin', 'frame')),
	summary TEXT NOT NULL,
	released_at INTEGER NOT NULL,
	PRIMARY KEY (session_id, activity)
);

-- A snapshot's answers as counts of (a, b) pairs per level × principle, for the cells of at least
-- the threshold: what exports carry instead of per-person rows, and enough to recompute every figure.
CREATE TABLE snapshot_pairs (
	session_id INTEGER NOT NULL REFERENCES session_snapshots (session_id) ON DELETE CASCADE,
	level TEXT NOT NULL,
	principle_id TEXT NOT NULL,
	rating_a INTEGER NOT NULL CHECK (rating_a BETWEEN 0 AND 4),
	rating_b INTEGER NOT NULL CHECK (rating_b BETWEEN 0 AND 4),
	count INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (session_id, level, principle_id, rating_a, rating_b)
);

INSERT INTO snapshot_pairs (session_id, level, principle_id, rating_a, rating_b, count)
SELECT a.session_id, a.level, a.principle_id, a.rating_a, a.rating_b, COUNT(*)
FROM answers a JOIN session_snapshots n ON n.session_id = a.session_id
WHERE a.rating_a IS NOT NULL AND a.rating_b IS NOT NULL
	AND (SELECT COUNT(*) FROM answers x
		WHERE x.session_id = a.session_id AND x.level = a.level AND x.principle_id = a.principle_id
			AND x.rating_a IS NOT NULL AND x.rating_b IS NOT NULL) >= max(3, n.anonymity_threshold)
GROUP BY a.session_id, a.level, a.principle_id, a.rating_a, a.rating_b;

-- First names given at the connect stage, for the room to see who is there: keyed by a hash of the
-- phone's token made for names alone, so no query joins a name to a participant or an answer.
CREATE TABLE room_names (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	name_key TEXT NOT NULL,
	name TEXT NOT NULL,
	PRIMARY KEY (session_id, name_key)
);
-- Names were stored beside answers and shown nowhere: they go.
ALTER TABLE participants DROP COLUMN display_name;

-- Consents and check-ins are keyed the same way, each by a hash of its own: an objection voiced in
-- the room cannot be joined to that person's answers. Rows of running sessions get a random key.
CREATE TABLE consents_keyed (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	voter_key TEXT NOT NULL,
	rule_id INTEGER NOT NULL REFERENCES ground_rules (id) ON DELETE CASCADE,
	choice TEXT NOT NULL CHECK (choice IN ('consent', 'object', 'abstain')),
	PRIMARY KEY (session_id, voter_key, rule_id)
);
INSERT INTO consents_keyed (session_id, voter_key, rule_id, choice)
SELECT c.session_id, k.key, c.rule_id, c.choice
FROM consents c JOIN (SELECT id, lower(hex(randomblob(16))) AS key FROM participants) k ON k.id = c.participant_id;

CREATE TABLE checkins_keyed (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	checkin_key TEXT NOT NULL,
	availability INTEGER NOT NULL CHECK (availability BETWEEN 1 AND 5),
	word TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (session_id, checkin_key)
);
INSERT INTO checkins_keyed (session_id, checkin_key, availability, word)
SELECT session_id, lower(hex(randomblob(16))), availability, word FROM checkins;

-- Sessions that no longer run: what their room was shown is frozen as it would be now.
INSERT INTO session_releases (session_id, activity, summary, released_at)
SELECT s.id, 'checkin',
	json_object(
		'n', (SELECT COUNT(*) FROM checkins_keyed c WHERE c.session_id = s.id),
		'meanAvailability', (SELECT CASE WHEN COUNT(*) >= max(3, g.anonymity_threshold)
			THEN round(avg(c.availability), 1) END FROM checkins_keyed c WHERE c.session_id = s.id),
		'words', json((SELECT CASE WHEN COUNT(*) >= max(3, g.anonymity_threshold) THEN json_group_array(word) ELSE '[]' END
			FROM (SELECT word FROM checkins_keyed c WHERE c.session_id = s.id AND word <> '' ORDER BY random())))
	),
	unixepoch() * 1000
FROM sessions s JOIN groups g ON g.id = s.group_id
WHERE s.status IN ('settling', 'closed') AND EXISTS (SELECT 1 FROM checkins_keyed c WHERE c.session_id = s.id);

INSERT INTO session_releases (session_id, activity, summary, released_at)
SELECT s.id, 'frame',
	json_object('rules', json((SELECT json_group_array(json_object(
		'ruleId', t.rule_id,
		'n', t.n,
		'tally', json(CASE WHEN t.n >= max(3, g.anonymity_threshold)
			THEN json_object('consent', t.consent, 'object', t.object, 'abstain', t.abstain) END)))
		FROM (SELECT rule_id, COUNT(*) AS n, SUM(choice = 'consent') AS consent, SUM(choice = 'object') AS object,
			SUM(choice = 'abstain') AS abstain FROM consents_keyed c WHERE c.session_id = s.id GROUP BY rule_id) t))),
	unixepoch() * 1000
FROM sessions s JOIN groups g ON g.id = s.group_id
WHERE s.status IN ('settling', 'closed') AND EXISTS (SELECT 1 FROM consents_keyed c WHERE c.session_id = s.id);

-- Per-person rows of sessions that no longer run are not kept: answers once a snapshot holds their
-- counts, consents and check-ins once released.
DELETE FROM answers WHERE session_id IN (SELECT session_id FROM session_snapshots);
DELETE FROM consents_keyed WHERE session_id IN (SELECT id FROM sessions WHERE status IN ('settling', 'closed'));
DELETE FROM checkins_keyed WHERE session_id IN (SELECT id FROM sessions WHERE status IN ('settling', 'closed'));

DROP TABLE consents;
ALTER TABLE consents_keyed RENAME TO consents;
CREATE INDEX consents_by_session ON consents (session_id, rule_id);
DROP TABLE checkins;
ALTER TABLE checkins_keyed RENAME TO checkins;
