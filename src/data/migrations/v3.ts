import type { Transaction } from 'dexie';
import { upgradeFeatureFindings, upgradeFinding } from '../../domain/findings';

interface StoredChangeSet {
  put?: { features?: unknown[] };
}
interface StoredHistoryEntry {
  forward?: StoredChangeSet;
  inverse?: StoredChangeSet;
}

function upgradeChange(change: StoredChangeSet | undefined): void {
  if (change?.put?.features) change.put.features = change.put.features.map(upgradeFeatureFindings);
}

/**
 * v3: a walk's finding is `{ text, point }` instead of a bare string. Stored walks are upgraded,
 * and so are the walks inside the edit history: undoing an old edit would otherwise write a
 * string finding back into the table.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('features')
    .toCollection()
    .modify((record: { details?: { findings?: unknown } }) => {
      const findings = record.details?.findings;
      if (Array.isArray(findings) && findings.some((f) => typeof f === 'string')) record.details!.findings = findings.map(upgradeFinding);
    });
  await tx
    .table('history')
    .toCollection()
    .modify((entry: StoredHistoryEntry) => {
      upgradeChange(entry.forward);
      upgradeChange(entry.inverse);
    });
}
