/**
 * Dexie store declarations, one frozen object per shipped version. Never edit a shipped version:
 * add the next one in db.ts with an upgrade in migrations/.
 */
export const schemaV1 = {
  documents: 'id, municipality.code',
  focusAreas: 'id, documentId',
  activities: 'id, documentId, focusAreaId',
  features: 'id, layer, municipalityCode, *activityIds',
  meta: 'key',
} as const;

/** v2 (2026-11-25): the edit history, so undo/redo survive a reload and reach other tabs. */
export const schemaV2 = {
  ...schemaV1,
  history: '++seq, undone',
} as const;

/** v3 (2026-11-26): no new index; a walk's findings become { text, point } (migrations/v3.ts). */
export const schemaV3 = schemaV2;

/**
 * v4 (2026-12-01): the team server. `outbox` holds local change sets not yet accepted by the
 * server, in order; `versions` the server version each record was last seen at ("table/id");
 * `syncMeta` the pull cursor and which pushed change sets are ours.
 */
export const schemaV4 = {
  ...schemaV3,
  outbox: '++seq, &changeId',
  versions: 'key',
  syncMeta: 'key',
} as const;

/**
 * v5 (2026-12-02): status entries, the dated follow-up of activities (append-only records,
 * src/domain/statusEntry.ts), indexed by activity for the timeline and the write door.
 */
export const schemaV5 = {
  ...schemaV4,
  statusEntries: 'id, activityId',
} as const;

/**
 * v6 (2026-12-02): survey answers as their own compact data (issue 12): one record per imported
 * set, its answers as typed columns (ArrayBuffers, stored as they are), not one record per answer.
 */
export const schemaV6 = {
  ...schemaV5,
  answerSets: 'id, importedAt',
} as const;

/** v7 (2026-12-02): whom citizens contact, one record per municipality (src/domain/contact.ts), for the public site. */
export const schemaV7 = {
  ...schemaV6,
  contacts: 'id, municipality.code',
} as const;

/**
 * v8 (2026-12-03): the start-up snapshot (issue 12): every record table as one stored value, so a
 * start with 100 000 places reads one value instead of 100 000 records (startupSnapshot.ts).
 */
export const schemaV8 = {
  ...schemaV7,
  snapshot: 'key',
} as const;
