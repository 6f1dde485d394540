import { useEffect, useId, useRef, useState } from 'react';
import { putFeatures } from '../../domain/changes';
import type { DatasetIndex } from '../../domain/dataset';
import type { LayerKind } from '../../domain/layers';
import type { Text } from '../../domain/text';
import { store } from '../../data/store';
import { SOURCE_CRS, type CsvColumnMapping, type ImportOptions, type ParsedImport, type RejectedItem, type SourceCrs } from '../../io/importTypes';
import { runImport } from '../../io/runImportInWorker';
import { ActivityPicker } from '../editing/ActivityPicker';
import { useI18n, type Dictionary, type Language } from '../i18n';
import { rejectionText } from '../rejection';
import { importStrings, type ImportStrings } from './strings';
import { FlaggedPlaces } from './FlaggedPlaces';
import { ImportAdvice } from './ImportAdvice';
import { NameKeySelect } from './NameKeySelect';
import { RejectedTable } from './RejectedTable';
import { municipalityAreasUrl } from '../../io/municipalityAreasFile';
import { useImportPlan, useMunicipalityLocator } from './useImportPlan';

type Phase =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string; progress: number }
  | { kind: 'failed'; message: Text }
  | { kind: 'preview'; parsed: ParsedImport };

interface Props {
  index: DatasetIndex;
  onClose(): void;
  onStatus(message: string): void;
  /** The places just imported, so the map can go to them. */
  onImported?(featureIds: string[]): void;
}

type PreviewOptions = Pick<ImportOptions, 'crs' | 'csvMapping' | 'nameKey'>;

/** Read a file off the main thread, preview what is valid and what is not, then import in one undoable step. */
export function ImportPanel({ index, onClose, onStatus, onImported }: Props) {
  const { t, language } = useI18n();
  const imp = importStrings(language);
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<PreviewOptions>({});
  const [layer, setLayer] = useState<LayerKind | null>(null);
  const [activityIds, setActivityIds] = useState<string[]>([]);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(() => new Set());
  const locator = useMunicipalityLocator();
  // Worded when shown, so an error on screen follows a language switch like everything else.
  const [error, setError] = useState<((imp: ImportStrings, t: Dictionary, language: Language) => string) | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  // Reads (again) whenever the file, the CRS, the column mapping or the name property changes.
  useEffect(() => {
    if (!file) return;
    setPhase({ kind: 'reading', fileName: file.name, progress: 0 });
    const run = runImport(file, { ...options, municipalityAreasUrl: municipalityAreasUrl(document.baseURI), onProgress: (progress) => setPhase({ kind: 'reading', fileName: file.name, progress }) });
    run.promise.then((result) => setPhase(result.ok ? { kind: 'preview', parsed: result.value } : { kind: 'failed', message: result.error.message }));
    return run.cancel;
  }, [file, options]);

  const parsed = phase.kind === 'preview' ? phase.parsed : null;
  const { layers, layer: chosenLayer, plan, advice } = useImportPlan(parsed, layer, activityIds, index, excluded, locator);
  const isAppExport = !!parsed?.appExport;

  const doImport = async () => {
    if (!parsed || !plan) return;
    // An export brings its own activities; anything else needs the planner's choice.
    if (!isAppExport && !activityIds.length) return setError(() => (s: ImportStrings) => s.chooseActivity);
    // Without the polygons no place's municipality (or even Sweden) can be checked.
    if (locator === 'loading') return setError(() => (s: ImportStrings) => s.locatorLoading);
    if (!locator || !plan.located) return setError(() => (s: ImportStrings) => s.locatorRequired);
    try {
      await store.perform(putFeatures(t.edit.labels.importFile(plan.features.length, parsed.fileName), plan.features));
      onStatus(imp.imported(plan.features.length, parsed.fileName));
      onImported?.(plan.features.map((f) => f.id));
      onClose();
    } catch (e) {
      // The refusal's issues carry both languages; they are worded at render like the rest.
      setError(() => (_: ImportStrings, t: Dictionary, l: Language) => t.edit.saveFailed(rejectionText(e, t, l)));
    }
  };

  return (
    <aside className="panel import-panel" aria-labelledby={`${id}-title`} data-testid="import-panel">
      <div className="panel-head">
        <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
          {imp.title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>{imp.chooseFile}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".geojson,.json,.csv,.txt,.kml,.gpx,.zip"
          onChange={(e) => {
            setOptions({});
            setExcluded(new Set());
            setLayer(null);
            setError(null);
            setFile(e.currentTarget.files?.[0] ?? null);
          }}
        />
      </div>
      {phase.kind === 'reading' && (
        <div className="form-field" role="status">
          <label htmlFor={`${id}-progress`}>{imp.reading(phase.fileName)}</label>
          <progress id={`${id}-progress`} max={1} value={phase.progress} aria-label={imp.progressLabel} />
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="error-summary" role="alert" data-testid="import-failure">
          <p>{imp.failed}</p>
          <p>{phase.message[language]}</p>
        </div>
      )}
      {parsed && (
        <Preview
          parsed={parsed}
          options={options}
          onOptions={setOptions}
          layers={isAppExport ? [] : layers}
          layer={isAppExport ? null : chosenLayer}
          onLayer={setLayer}
          skipped={plan?.skipped.filter((s) => s.reason !== 'wrong-layer') ?? []}
          validCount={plan?.features.length ?? 0}
          idPrefix={id}
        />
      )}
      {parsed && <ImportAdvice advice={advice} onLayer={setLayer} />}
      {parsed && locator === 'loading' && <p className="muted">{imp.locatorLoading}</p>}
      {plan && <FlaggedPlaces flagged={plan.flagged} excluded={excluded} onExclude={setExcluded} />}
      {parsed && (
        <>
          {!isAppExport && <ActivityPicker index={index} value={activityIds} onChange={(ids) => (setActivityIds(ids), setError(null))} />}
          {error && (
            <p className="field-error" role="alert">
              {error(imp, t, language)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t.edit.cancel}
            </button>
            <button type="button" className="primary" onClick={doImport} disabled={!plan?.features.length || locator === null}>
              {imp.importButton(plan?.features.length ?? 0)}
            </button>
          </div>
        </>
      )}
    </aside>
  );
}

interface PreviewProps {
  parsed: ParsedImport;
  options: PreviewOptions;
  onOptions(options: PreviewOptions): void;
  layers: LayerKind[];
  layer: LayerKind | null;
  onLayer(layer: LayerKind): void;
  /** Candidates the plan rejects (outside Sweden, missing activity), listed with the file's rejections. */
  skipped: RejectedItem[];
  validCount: number;
  idPrefix: string;
}

function Preview({ parsed, options, onOptions, layers, layer, onLayer, skipped, validCount, idPrefix }: PreviewProps) {
  const { t, language } = useI18n();
  const imp = importStrings(language);
  const mapping = options.csvMapping ?? parsed.csv?.mapping;
  // An export's records are judged whole (schema, activities), so its own rejections replace the file's.
  const rejected = [...(parsed.appExport ? parsed.appExport.rejected : parsed.rejected), ...skipped];
  // A file that names its coordinate system (GeoJSON crs, .prj) keeps it: the select shows it, disabled.
  const canChooseCrs = (parsed.format === 'csv' || parsed.format === 'geojson' || parsed.format === 'shapefile') && !parsed.crsDeclared;
  return (
    <div className="import-preview">
      <p className="result-count" role="status">
        {parsed.fileName} ({parsed.format.toUpperCase()}): {imp.summary(validCount, rejected.length)}
      </p>
      <div className="form-field">
        <label htmlFor={`${idPrefix}-crs`}>{imp.crs}</label>
        <select
          id={`${idPrefix}-crs`}
          value={canChooseCrs ? (options.crs ?? parsed.crs.crs) : parsed.crs.crs}
          disabled={!canChooseCrs}
          onChange={(e) => onOptions({ ...options, crs: e.currentTarget.value as SourceCrs })}
          aria-describedby={`${idPrefix}-crs-reason`}
        >
          {SOURCE_CRS.map((crs) => (
            <option key={crs} value={crs}>
              {imp.crsNames[crs]}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-crs-reason`} className="muted" data-testid="crs-reason">
          {parsed.crs.reason[language]}
          {!parsed.crs.confident && !options.crs && <strong> {imp.crsConfirm}</strong>}
        </p>
      </div>
      {parsed.csv && mapping && (
        <fieldset className="facet">
          <legend>{imp.mapping}</legend>
          {(Object.keys(mapping) as (keyof CsvColumnMapping)[]).map((field) => (
            <div key={field} className="form-field">
              <label htmlFor={`${idPrefix}-map-${field}`}>{imp.mappingFields[field]}</label>
              <select
                id={`${idPrefix}-map-${field}`}
                value={mapping[field] ?? ''}
                onChange={(e) => onOptions({ ...options, csvMapping: { ...mapping, [field]: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) } })}
              >
                <option value="">{imp.noColumn}</option>
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
      <NameKeySelect parsed={parsed} idPrefix={idPrefix} onNameKey={(nameKey) => onOptions({ ...options, nameKey })} />
      {layer && (
        <div className="form-field">
          <label htmlFor={`${idPrefix}-layer`}>{imp.layer}</label>
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
        <details data-testid="import-notes">
          <summary>{imp.notes}</summary>
          <ul>
            {parsed.notes.map((note) => (
              <li key={note.sv}>{note[language]}</li>
            ))}
          </ul>
        </details>
      )}
      <RejectedTable rejected={rejected} />
    </div>
  );
}

