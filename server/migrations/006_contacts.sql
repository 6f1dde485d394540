-- Contacts (issue 13): whom citizens contact in a municipality, one record per municipality,
-- published on the citizens' site. Records like the others (versioned, logged, pulled).
-- (005 is the citizens' reports, kept apart from the records.)
ALTER TABLE records DROP CONSTRAINT records_table_name_check;
ALTER TABLE records ADD CONSTRAINT records_table_name_check
  CHECK (table_name IN ('documents', 'focusAreas', 'activities', 'features', 'statusEntries', 'contacts'));
ALTER TABLE change_log_records DROP CONSTRAINT change_log_records_table_name_check;
ALTER TABLE change_log_records ADD CONSTRAINT change_log_records_table_name_check
  CHECK (table_name IN ('documents', 'focusAreas', 'activities', 'features', 'statusEntries', 'contacts'));
