-- The write door looks up the records that link to a touched one (the activities of a document,
-- the places of an activity): indexes on those links inside the stored JSON.
CREATE INDEX IF NOT EXISTS records_document_id ON records ((record->>'documentId')) WHERE table_name IN ('focusAreas', 'activities');
CREATE INDEX IF NOT EXISTS records_focus_area_id ON records ((record->>'focusAreaId')) WHERE table_name = 'activities';
CREATE INDEX IF NOT EXISTS records_activity_ids ON records USING gin ((record->'activityIds')) WHERE table_name = 'features';
