import { z } from 'zod';
import type { AnswerColumnsMessage } from '../analysis/answers/columns';
import { fromTransferable } from '../analysis/answers/columnsTransfer';

/** One stored set of survey answers as a backup carries it (the database's record). */
export interface BackupAnswerSet {
  id: string;
  fileName: string;
  importedAt: string;
  count: number;
  columns: AnswerColumnsMessage;
}

const COLUMN_NAMES = ['lon', 'lat', 'year', 'timeOfDay', 'reasons', 'survey'] as const;

/** In the JSON file each column is base64 of its bytes (little-endian, as every browser stores them). */
export const backupAnswerSetSchema = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  importedAt: z.string(),
  count: z.number().int().nonnegative(),
  columns: z.object({
    count: z.number().int().nonnegative(),
    surveys: z.array(z.string()),
    ...Object.fromEntries(COLUMN_NAMES.map((c) => [c, z.string()])),
  }),
});
type StoredSet = z.infer<typeof backupAnswerSetSchema>;

export function encodeAnswerSet(set: BackupAnswerSet): StoredSet {
  const columns: Record<string, unknown> = { count: set.columns.count, surveys: set.columns.surveys };
  for (const name of COLUMN_NAMES) columns[name] = toBase64(set.columns[name]);
  return { ...set, columns: columns as StoredSet['columns'] };
}

/** Decoded and checked for size (fromTransferable): a column of the wrong length refuses the set. */
export function decodeAnswerSet(stored: StoredSet): BackupAnswerSet {
  const raw = stored.columns as Record<string, unknown>;
  const message = { count: stored.columns.count, surveys: stored.columns.surveys } as Record<string, unknown>;
  for (const name of COLUMN_NAMES) message[name] = fromBase64(String(raw[name]));
  const columns = message as unknown as AnswerColumnsMessage;
  fromTransferable(columns);
  if (columns.count !== stored.count) throw new RangeError(`svarsmängden ${stored.id} säger ${stored.count} svar men har ${columns.count}`);
  return { ...stored, columns };
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let text = '';
  // In slices: String.fromCharCode(...all) would overflow the stack at a million answers.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
