-- Live sessions: their plan of stages, participants and everything participants give.
CREATE TABLE sessions (
	id INTEGER PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	title TEXT NOT NULL,
	held_on TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'settling', 'closed')),
	join_code TEXT,
	stage_position INTEGER NOT NULL DEFAULT 1,
	phase TEXT NOT NULL DEFAULT 'waiting' CHECK (phase IN ('waiting', 'open', 'closed')),
	revealed INTEGER NOT NULL DEFAULT 0,
	timer_ends_at INTEGER,
	settle_days INTEGER NOT NULL DEFAULT 7 CHECK (settle_days BETWEEN 0 AND 60),
	settles_until INTEGER,
	instrument_version INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	opened_at INTEGER,
	closed_at INTEGER
);
CREATE INDEX sessions_by_group ON sessions (group_id, held_on);
-- A join code names one session among those that can still be joined.
CREATE UNIQUE INDEX sessions_open_join_code ON sessions (join_code)
	WHERE join_code IS NOT NULL AND status IN ('live', 'settling');

CREATE TABLE session_stages (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	stage_id TEXT NOT NULL,
	skipped INTEGER NOT NULL DEFAULT 0,
	levels TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (session_id, position)
);

CREATE TABLE participants (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	display_name TEXT,
	actor_kind TEXT CHECK (actor_kind IN ('elu', 'agent', 'association', 'habitant', 'entreprise', 'autre')),
	cards_sent INTEGER NOT NULL DEFAULT 0,
	joined_at INTEGER NOT NULL
);
CREATE INDEX participants_by_session ON participants (session_id);

CREATE TABLE checkins (
	participant_id INTEGER PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	availability INTEGER NOT NULL CHECK (availability BETWEEN 1 AND 5),
	word TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checkins_by_session ON checkins (session_id);

CREATE TABLE consents (
	participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	rule_id INTEGER NOT NULL REFERENCES ground_rules (id) ON DELETE CASCADE,
	choice TEXT NOT NULL CHECK (choice IN ('consent', 'object', 'abstain')),
	PRIMARY KEY (participant_id, rule_id)
);
CREATE INDEX consents_by_session ON consents (session_id);

-- "I can't say" is stored as NULL, never as 0.
CREATE TABLE answers (
	participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	level TEXT NOT NULL,
	principle_id TEXT NOT NULL,
	rating_a INTEGER CHECK (rating_a BETWEEN 0 AND 4),
	rating_b INTEGER CHECK (rating_b BETWEEN 0 AND 4),
	answered_at INTEGER NOT NULL,
	PRIMARY KEY (participant_id, level, principle_id)
);
CREATE INDEX answers_by_session ON answers (session_id, level, principle_id);

-- Cards and feedback are anonymous: nothing links them to a participant.
CREATE TABLE cards (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	text TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
	created_at INTEGER NOT NULL
);
CREATE INDEX cards_by_session ON cards (session_id, status);

CREATE TABLE feedback (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	keep TEXT NOT NULL DEFAULT '',
	missing TEXT NOT NULL DEFAULT '',
	lived TEXT NOT NULL DEFAULT '',
	late INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL
);
CREATE INDEX feedback_by_session ON feedback (session_id);

CREATE TABLE commitments (
	id INTEGER PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
	text TEXT NOT NULL,
	owner TEXT NOT NULL DEFAULT '',
	due_on TEXT,
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'carried', 'dropped')),
	created_at INTEGER NOT NULL
);
CREATE INDEX commitments_by_group ON commitments (group_id, status);
