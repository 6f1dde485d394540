/** The largest file the importer reads, checked before reading (a 2 GB file must not be loaded just to be refused). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
