-- The phone's own order of its sends: a retried old answer that a buffering proxy delivers late
-- must not overwrite a newer one. NULL for a form posted without JavaScript (sent in order by a
-- person waiting for each page), which always wins, and for answers stored before this column.
ALTER TABLE answers ADD COLUMN sent_seq INTEGER;
