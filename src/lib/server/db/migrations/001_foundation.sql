-- Facilitator accounts, their auth sessions, groups, roles, ground rules and invitations.
CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	password_hash TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE auth_sessions (
	id TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	expires_at INTEGER NOT NULL
);
CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id);

CREATE TABLE sign_in_failures (
	email TEXT NOT NULL COLLATE NOCASE,
	failed_at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, failed_at);

CREATE TABLE groups (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	anonymity_threshold INTEGER NOT NULL DEFAULT 3 CHECK (anonymity_threshold >= 3),
	created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('owner', 'facilitator', 'viewer')),
	PRIMARY KEY (group_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE ground_rules (
	id INTEGER PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	text TEXT NOT NULL
);
CREATE INDEX ground_rules_by_group ON ground_rules (group_id, position);

CREATE TABLE invitations (
	id TEXT PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('facilitator', 'viewer')),
	invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	used_at INTEGER,
	used_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX invitations_by_group ON invitations (group_id);
