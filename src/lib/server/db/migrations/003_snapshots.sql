-- A closed session's results, frozen: history pages read these and never re-aggregate answers.
CREATE TABLE session_snapshots (
	session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	participant_count INTEGER NOT NULL,
	respondent_count INTEGER NOT NULL,
	anonymity_threshold INTEGER NOT NULL,
	instrument_version INTEGER NOT NULL,
	taken_at INTEGER NOT NULL
);

-- One row per level × principle, for everyone (actor_kind '') and per kind of actor.
-- Figures below the threshold are not stored: only n.
CREATE TABLE snapshot_results (
	session_id INTEGER NOT NULL REFERENCES session_snapshots (session_id) ON DELETE CASCADE,
	actor_kind TEXT NOT NULL DEFAULT '',
	level TEXT NOT NULL,
	principle_id TEXT NOT NULL,
	n INTEGER NOT NULL,
	mean_maturity REAL,
	sd_maturity REAL,
	mean_leaning REAL,
	distribution TEXT,
	PRIMARY KEY (session_id, actor_kind, level, principle_id)
);
