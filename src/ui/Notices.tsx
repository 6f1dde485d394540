import { useI18n } from './i18n';
import type { StorageState } from './useStoredData';

export function Notices({ storage, basemapMissing }: { storage: StorageState; basemapMissing: boolean }) {
  const { t } = useI18n();
  const messages: string[] = [];
  if (storage.kind === 'unavailable') messages.push(storage.reason === 'shipped-invalid' ? t.datasetInvalid : t.storageFailed(storage.reason));
  if (storage.kind === 'ready' && storage.stored.issues.length) messages.push(t.storedIssues(storage.stored.issues.length));
  if (basemapMissing) messages.push(t.basemapMissing);
  if (!messages.length) return null;
  return (
    <div className="notices" role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
