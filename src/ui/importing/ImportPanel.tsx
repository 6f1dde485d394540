import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { putFeatures } from '../../domain/changes';
import type { DatasetIndex } from '../../domain/dataset';
import type { LayerKind } from '../../domain/layers';
import { perform } from '../../data/history';
import { candidatesToFeatures } from '../../io/candidatesToFeatures';
import { SOURCE_CRS, type CsvColumnMapping, type ImportOptions, type ParsedImport, type SourceCrs } from '../../io/importTypes';
import { runImport } from '../../io/runImportInWorker';
import { ActivityPicker } from '../editing/ActivityPicker';
import { layersForGeometry } from '../editing/featureDraft';
import { useI18n } from '../i18n';
import { getDatabase } from '../useStoredData';

type Phase =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string; progress: number }
  | { kind: 'failed'; message: string; code: string }
  | { kind: 'preview'; parsed: ParsedImport };

interface Props {
  index: DatasetIndex;
  onClose(): void;
  onStatus(message: string): void;
}

const SHOWN_REJECTIONS = 200;
const newId = () => `import-${crypto.randomUUID()}`;

/** Read a file off the main thread, preview what is valid and what is not, then import in one undoable step. */
export function ImportPanel({ index, onClose, onStatus }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Pick<ImportOptions, 'crs' | 'csvMapping'>>({});
  const [layer, setLayer] = useState<LayerKind | null>(null);
  const [activityIds, setActivityIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  // Reads (again) whenever the file, the CRS or the column mapping changes.
  useEffect(() => {
    if (!file) return;
    setPhase({ kind: 'reading', fileName: file.name, progress: 0 });
    const run = runImport(file, { ...options, onProgress: (progress) => setPhase({ kind: 'reading', fileName: file.name, progress }) });
    run.promise.then((result) => setPhase(result.ok ? { kind: 'preview', parsed: result.value } : { kind: 'failed', message: result.error.message, code: result.error.code }));
    return run.cancel;
  }, [file, options]);

  const parsed = phase.kind === 'preview' ? phase.parsed : null;
  const layers = useMemo(() => (parsed ? [...new Set(parsed.candidates.flatMap((c) => layersForGeometry(c.geometry.type)))] : []), [parsed]);
  const chosenLayer = layer && layers.includes(layer) ? layer : (defaultLayer(parsed) ?? layers[0] ?? null);
  const plan = useMemo(
    () => (parsed && chosenLayer ? candidatesToFeatures(parsed.candidates, chosenLayer, activityIds, parsed.fileName, index, newId) : null),
    [parsed, chosenLayer, activityIds, index],
  );

  const doImport = async () => {
    if (!parsed || !plan) return;
    if (!activityIds.length) return setError(t.imp.chooseActivity);
    try {
      await perform(getDatabase(), putFeatures(t.edit.labels.importFile(plan.features.length, parsed.fileName), plan.features));
      onStatus(t.imp.imported(plan.features.length, parsed.fileName));
      onClose();
    } catch (e) {
      setError(t.edit.saveFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  return (
    <aside className="panel import-panel" aria-labelledby={`${id}-title`} data-testid="import-panel">
      <div className="panel-head">
        <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
          {t.imp.title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>{t.imp.chooseFile}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".geojson,.json,.csv,.txt,.kml,.gpx,.zip"
          onChange={(e) => {
            setOptions({});
            setError(null);
            setFile(e.currentTarget.files?.[0] ?? null);
          }}
        />
      </div>
      {phase.kind === 'reading' && (
        <div className="form-field" role="status">
          <label htmlFor={`${id}-progress`}>{t.imp.reading(phase.fileName)}</label>
          <progress id={`${id}-progress`} max={1} value={phase.progress} aria-label={t.imp.progressLabel} />
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="error-summary" role="alert">
          <p>{t.imp.failed}</p>
          {t.imp.failures?.[phase.code] && <p>{t.imp.failures[phase.code]}</p>}
          <p lang="sv">{phase.message}</p>
        </div>
      )}
      {parsed && (
        <Preview
          parsed={parsed}
          options={options}
          onOptions={setOptions}
          layers={layers}
          layer={chosenLayer}
          onLayer={setLayer}
          skipped={plan?.skipped.length ?? 0}
          validCount={plan?.features.length ?? 0}
          idPrefix={id}
        />
      )}
      {parsed && (
        <>
          <ActivityPicker index={index} value={activityIds} onChange={(ids) => (setActivityIds(ids), setError(null))} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t.edit.cancel}
            </button>
            <button type="button" className="primary" onClick={doImport} disabled={!plan?.features.length}>
              {t.imp.importButton(plan?.features.length ?? 0)}
            </button>
          </div>
        </>
      )}
    </aside>
  );
}

interface PreviewProps {
  parsed: ParsedImport;
  options: Pick<ImportOptions, 'crs' | 'csvMapping'>;
  onOptions(options: Pick<ImportOptions, 'crs' | 'csvMapping'>): void;
  layers: LayerKind[];
  layer: LayerKind | null;
  onLayer(layer: LayerKind): void;
  skipped: number;
  validCount: number;
  idPrefix: string;
}

function Preview({ parsed, options, onOptions, layers, layer, onLayer, skipped, validCount, idPrefix }: PreviewProps) {
  const { t } = useI18n();
  const mapping = options.csvMapping ?? parsed.csv?.mapping;
  const canChooseCrs = parsed.format === 'csv' || parsed.format === 'geojson' || parsed.format === 'shapefile';
  return (
    <div className="import-preview">
      <p className="result-count" role="status">
        {parsed.fileName} ({parsed.format.toUpperCase()}): {t.imp.summary(validCount, parsed.rejected.length)}
      </p>
      {skipped > 0 && <p className="warning">{t.imp.skipped(skipped)}</p>}
      <div className="form-field">
        <label htmlFor={`${idPrefix}-crs`}>{t.imp.crs}</label>
        <select
          id={`${idPrefix}-crs`}
          value={options.crs ?? parsed.crs.crs}
          disabled={!canChooseCrs}
          onChange={(e) => onOptions({ ...options, crs: e.currentTarget.value as SourceCrs })}
          aria-describedby={`${idPrefix}-crs-reason`}
        >
          {SOURCE_CRS.map((crs) => (
            <option key={crs} value={crs}>
              {t.imp.crsNames[crs]}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-crs-reason`} className="muted" lang="sv">
          {parsed.crs.reason}
          {!parsed.crs.confident && !options.crs && <strong> {t.imp.crsConfirm}</strong>}
        </p>
      </div>
      {parsed.csv && mapping && (
        <fieldset className="facet">
          <legend>{t.imp.mapping}</legend>
          {(Object.keys(mapping) as (keyof CsvColumnMapping)[]).map((field) => (
            <div key={field} className="form-field">
              <label htmlFor={`${idPrefix}-map-${field}`}>{t.imp.mappingFields[field]}</label>
              <select
                id={`${idPrefix}-map-${field}`}
                value={mapping[field] ?? ''}
                onChange={(e) => onOptions({ ...options, csvMapping: { ...mapping, [field]: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) } })}
              >
                <option value="">{t.imp.noColumn}</option>
                {parsed.csv!.headers.map((header, i) => (
                  <option key={i} value={i}>
                    {header}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      {layer && (
        <div className="form-field">
          <label htmlFor={`${idPrefix}-layer`}>{t.imp.layer}</label>
          <select id={`${idPrefix}-layer`} value={layer} onChange={(e) => onLayer(e.currentTarget.value as LayerKind)}>
            {layers.map((l) => (
              <option key={l} value={l}>
                {t.layerSingular[l]}
              </option>
            ))}
          </select>
        </div>
      )}
      {parsed.notes.length > 0 && (
        <details>
          <summary>{t.imp.notes}</summary>
          <ul lang="sv">
            {parsed.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
      {parsed.rejected.length > 0 && (
        <div className="table-scroll rejected" tabIndex={0} role="region" aria-label={t.imp.rejectedTitle}>
          <table>
            <caption>{t.imp.rejectedTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.imp.where}</th>
                <th scope="col">{t.imp.why}</th>
              </tr>
            </thead>
            <tbody>
              {parsed.rejected.slice(0, SHOWN_REJECTIONS).map((item) => (
                <tr key={`${item.index}-${item.reason}`}>
                  <td>{item.label}</td>
                  <td>
                    {t.imp.reasons[item.reason] ?? item.reason}
                    {item.detail && <span className="muted"> ({item.detail})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {parsed.rejected.length > SHOWN_REJECTIONS && <p>{t.imp.rejectedMore(parsed.rejected.length - SHOWN_REJECTIONS)}</p>}
        </div>
      )}
    </div>
  );
}

/** GPX is walks; otherwise the most common geometry decides. */
function defaultLayer(parsed: ParsedImport | null): LayerKind | null {
  if (!parsed?.candidates.length) return null;
  if (parsed.format === 'gpx') return 'safety-walk';
  const type = parsed.candidates[0]!.geometry.type;
  if (type === 'Point') return 'unsafe-place';
  if (type === 'LineString' || type === 'MultiLineString') return 'speed-control';
  return 'watch-area';
}
