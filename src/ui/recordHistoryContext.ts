import { createContext } from 'react';
import type { RecordTable } from '../domain/changes';
import type { RecordHistoryEntry } from '../domain/sync/recordHistory';

// Apart from RecordHistory.tsx, so the app can provide it without the panel's code in its first load.
/** Where a record's history comes from: the team server's change log when signed in, else this browser's own steps. */
export type HistorySource = { kind: 'team' | 'local'; read(table: RecordTable, id: string): Promise<RecordHistoryEntry[]> };

export const RecordHistoryContext = createContext<HistorySource | null>(null);
