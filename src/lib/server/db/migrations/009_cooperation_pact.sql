-- The cooperation pact: the group's profile and parties, a draft of clauses in four parts, the
-- rounds in which the room consents to them, adopted versions, signatures and followed measures.
ALTER TABLE groups ADD COLUMN space_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN territory TEXT NOT NULL DEFAULT '';
-- The public page's address is drawn once and kept, so that it stays stable when turned off and on.
ALTER TABLE groups ADD COLUMN public_pact INTEGER NOT NULL DEFAULT 0;
ALTER TABLE groups ADD COLUMN public_slug TEXT;
CREATE UNIQUE INDEX groups_public_slug ON groups (public_slug) WHERE public_slug IS NOT NULL;

CREATE TABLE parties (
	id INTEGER PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('collectivite', 'etat', 'association', 'collectif', 'entreprise', 'recherche', 'autre'))
);
CREATE INDEX parties_by_group ON parties (group_id, position);

-- The draft: what the next version will say. A clause's wording is put to the room until a tally of
-- it is released once ('consented' or 'objected'); a new wording starts again as 'draft'.
CREATE TABLE pact_clauses (
	id INTEGER PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	part TEXT NOT NULL CHECK (part IN ('perimeter', 'vision', 'rules', 'commitments')),
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	library_id TEXT,
	credit TEXT NOT NULL DEFAULT '',
	party_id INTEGER REFERENCES parties (id) ON DELETE SET NULL,
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'consented', 'objected', 'disagreement')),
	disagreement TEXT NOT NULL DEFAULT '',
	tally TEXT
);
CREATE INDEX pact_clauses_by_group ON pact_clauses (group_id, part, position);

CREATE TABLE pact_measures (
	id INTEGER PRIMARY KEY,
	clause_id INTEGER NOT NULL REFERENCES pact_clauses (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'carried', 'dropped')),
	note TEXT NOT NULL DEFAULT '',
	updated_at INTEGER NOT NULL
);
CREATE INDEX pact_measures_by_clause ON pact_measures (clause_id, position);

-- One clause put to the room at a time in a session; its tally is released when the round closes,
-- from the group's threshold up, and the per-phone choices are then forgotten.
CREATE TABLE pact_rounds (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	clause_id INTEGER NOT NULL REFERENCES pact_clauses (id) ON DELETE CASCADE,
	text TEXT NOT NULL,
	opened_at INTEGER NOT NULL,
	closed_at INTEGER,
	summary TEXT
);
CREATE UNIQUE INDEX pact_rounds_one_open ON pact_rounds (session_id) WHERE closed_at IS NULL;
CREATE INDEX pact_rounds_by_clause ON pact_rounds (clause_id);

-- Keyed like ground-rule consents, by a hash made for consents alone: no query joins them to a person.
CREATE TABLE pact_consents (
	round_id INTEGER NOT NULL REFERENCES pact_rounds (id) ON DELETE CASCADE,
	voter_key TEXT NOT NULL,
	choice TEXT NOT NULL CHECK (choice IN ('consent', 'reservation', 'object')),
	reason TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (round_id, voter_key)
);

-- An adopted version, frozen as JSON (clauses, tallies, parties): later edits never change it.
CREATE TABLE pact_versions (
	id INTEGER PRIMARY KEY,
	group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	number INTEGER NOT NULL,
	adopted_on TEXT NOT NULL,
	session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
	content TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (group_id, number)
);

CREATE TABLE pact_signatures (
	version_id INTEGER NOT NULL REFERENCES pact_versions (id) ON DELETE CASCADE,
	party_id INTEGER NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	role TEXT NOT NULL DEFAULT '',
	signed_on TEXT NOT NULL,
	PRIMARY KEY (version_id, party_id)
);

-- The ground rules become the draft's rules of dialogue and of decision, still to be consented.
INSERT INTO pact_clauses (group_id, part, position, text)
SELECT group_id, 'rules', position, text FROM ground_rules;
