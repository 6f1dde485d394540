-- Status entries (issue 11): the dated follow-up of activities, a fifth record table. They are
-- records like the others (versioned, logged, pulled); the write door only ever adds them.
ALTER TABLE records DROP CONSTRAINT records_table_name_check;
ALTER TABLE records ADD CONSTRAINT records_table_name_check
  CHECK (table_name IN ('documents', 'focusAreas', 'activities', 'features', 'statusEntries'));
ALTER TABLE change_log_records DROP CONSTRAINT change_log_records_table_name_check;
ALTER TABLE change_log_records ADD CONSTRAINT change_log_records_table_name_check
  CHECK (table_name IN ('documents', 'focusAreas', 'activities', 'features', 'statusEntries'));
-- The write door reads an activity's entries when the activity is deleted (nothing may be left pointing at it).
CREATE INDEX IF NOT EXISTS records_entry_activity_id ON records ((record->>'activityId')) WHERE table_name = 'statusEntries';
