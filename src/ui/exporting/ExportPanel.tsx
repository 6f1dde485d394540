import { useEffect, useId, useRef, useState } from 'react';
import type { Dataset } from '../../domain/dataset';
import { readBackupContent } from '../../data/backupStore';
import { parseBackup, serializeBackup, type BackupContent } from '../../io/backup';
import { featuresToGeoJson, walksToGpx } from '../../io/exportFormats';
import { LAYER_ORDER } from '../../map/palette';
import { downloadText } from '../download';
import { useI18n } from '../i18n';
import { ConfirmDialog } from '../ConfirmDialog';
import { ChangeRejected } from '../../data/history';
import { getDatabase, store } from '../../data/store';
import { rejectionText } from '../rejection';

interface Props {
  dataset: Dataset;
  onClose(): void;
  onStatus(message: string): void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Every stored place as GeoJSON or GPX, and the whole database as a backup file, with restore. */
export function ExportPanel({ dataset, onClose, onStatus }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState<{ file: string; content: BackupContent } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const download = (file: string, text: string, type: string) => {
    downloadText(file, text, type);
    onStatus(t.exp.downloaded(file));
  };
  const backup = async () => download(`trygghetskartan-sakerhetskopia-${today()}.json`, serializeBackup(await readBackupContent(getDatabase())), 'application/json');
  const readRestoreFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) return setError(t.exp.restoreFailed(parsed.error[language]));
    // Checked before asking, so a refused backup never reaches the confirmation.
    const issues = await store.checkBackup(parsed.value);
    if (issues.length) return setError(t.exp.restoreFailed(rejectionText(new ChangeRejected(issues), t, language)));
    setPending({ file: file.name, content: parsed.value });
  };
  const confirmRestore = async () => {
    if (!pending) return;
    try {
      await store.restoreBackup(pending.content);
      onStatus(t.exp.restored(pending.file));
      setPending(null);
      onClose();
    } catch (e) {
      setPending(null);
      setError(t.exp.restoreFailed(rejectionText(e, t, language)));
    }
  };

  return (
    <aside className="panel" aria-labelledby={`${id}-title`} data-testid="export-panel">
      <div className="panel-head">
        <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
          {t.exp.title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <section aria-labelledby={`${id}-geojson`}>
        <h3 id={`${id}-geojson`}>{t.exp.geojsonTitle}</h3>
        <div className="button-list">
          <button type="button" onClick={() => download(`trygghetskartan-alla-${today()}.geojson`, featuresToGeoJson(dataset.features, 'all'), 'application/geo+json')}>
            {t.exp.allLayers}
          </button>
          {[...LAYER_ORDER].reverse().map((layer) => (
            <button key={layer} type="button" onClick={() => download(`trygghetskartan-${layer}-${today()}.geojson`, featuresToGeoJson(dataset.features, layer), 'application/geo+json')}>
              {t.layerNames[layer]}
            </button>
          ))}
        </div>
        <h3>GPX</h3>
        <button type="button" onClick={() => download(`trygghetsvandringar-${today()}.gpx`, walksToGpx(dataset.features), 'application/gpx+xml')}>
          {t.exp.gpx}
        </button>
      </section>
      <section aria-labelledby={`${id}-backup`}>
        <h3 id={`${id}-backup`}>{t.exp.backupTitle}</h3>
        <p>{t.exp.backupHelp}</p>
        <button type="button" className="primary" onClick={backup}>
          {t.exp.backupDownload}
        </button>
        <div className="form-field">
          <label htmlFor={`${id}-restore`}>{t.exp.restoreFrom}</label>
          <input id={`${id}-restore`} type="file" accept=".json,application/json" onChange={(e) => void readRestoreFile(e.currentTarget.files?.[0])} />
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
      <ConfirmDialog
        open={pending !== null}
        title={t.exp.restoreQuestion}
        text={pending ? t.exp.restoreExplanation(pending.content.features.length, pending.file) : ''}
        confirmLabel={t.restoreConfirm}
        onConfirm={confirmRestore}
        onCancel={() => setPending(null)}
      />
    </aside>
  );
}
