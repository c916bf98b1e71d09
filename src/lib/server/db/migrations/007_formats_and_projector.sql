-- A session is prepared in a format (full, 2 hours, 90 minutes) whose stage timings come from the
-- content; the control view runs a clock from when the current stage started against that plan.
-- The facilitator switches the projector's theme and recalls the results after the reveal stage.
ALTER TABLE sessions ADD COLUMN format TEXT NOT NULL DEFAULT 'full';
ALTER TABLE sessions ADD COLUMN stage_started_at INTEGER;
ALTER TABLE sessions ADD COLUMN projector_theme TEXT NOT NULL DEFAULT 'light';
ALTER TABLE sessions ADD COLUMN results_recalled INTEGER NOT NULL DEFAULT 0;
