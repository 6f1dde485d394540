import { useI18n, type Dictionary } from './i18n';
import type { StorageState } from './useStoredData';

// These messages say everything; their detail is our own (Swedish) wording, kept for bug reports only.
const SELF_EXPLAINED = new Set(['newer-version', 'blocked', 'upgraded-elsewhere']);

/** What went wrong with storage, what to do, and that nothing can be saved; the browser's own words below. */
function storageMessage(storage: Extract<StorageState, { kind: 'unavailable' }>, t: Dictionary): { text: string; detail: string | null } {
  if (storage.reason === 'shipped-invalid') return { text: t.datasetInvalid, detail: null };
  const specific = t.storageProblems[storage.reason];
  if (specific) return { text: specific, detail: storage.detail && !SELF_EXPLAINED.has(storage.reason) ? t.storageDetail(storage.detail) : null };
  return { text: t.storageFailed(storage.detail || storage.reason), detail: null };
}

export function Notices({ storage, basemapMissing, missingPlace = null }: { storage: StorageState; basemapMissing: boolean; missingPlace?: { id: string; showList(): void } | null }) {
  const { t } = useI18n();
  const messages: string[] = [];
  const problem = storage.kind === 'unavailable' ? storageMessage(storage, t) : null;
  if (storage.kind === 'ready' && storage.stored.issues.length) messages.push(t.storedIssues(storage.stored.issues.length));
  if (basemapMissing) messages.push(t.basemapMissing);
  if (!messages.length && !problem && !missingPlace) return null;
  return (
    <div className="notices" role="alert">
      {problem && storage.kind === 'unavailable' && (
        <div className="storage-problem" data-testid="storage-problem" data-reason={storage.reason}>
          <p>
            <strong>{t.storageReadOnly}</strong> {problem.text}
          </p>
          {problem.detail && <p className="muted">{problem.detail}</p>}
        </div>
      )}
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
      {missingPlace && (
        <p data-testid="missing-place">
          {t.missingPlace(missingPlace.id)}{' '}
          <button type="button" onClick={missingPlace.showList}>
            {t.showAllPlaces}
          </button>
        </p>
      )}
    </div>
  );
}
