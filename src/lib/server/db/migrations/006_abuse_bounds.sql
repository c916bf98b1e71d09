-- A participant's feedback is stored without a link to them; only how many they sent is kept,
-- as for cards, so that one phone cannot flood a session.
ALTER TABLE participants ADD COLUMN feedback_sent INTEGER NOT NULL DEFAULT 0;

-- Sign-ins have an absolute lifetime from when they started, and are listed to their owner by
-- when they started and were last used, and from which browser.
ALTER TABLE auth_sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE auth_sessions ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE auth_sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
UPDATE auth_sessions SET created_at = expires_at - 30 * 86400000, last_used_at = expires_at - 30 * 86400000;
