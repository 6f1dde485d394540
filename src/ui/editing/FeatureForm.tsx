import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { DatasetIndex } from '../../domain/dataset';
import type { LayerKind } from '../../domain/layers';
import type { SafetyFeature } from '../../domain/safetyFeature';
import { useI18n } from '../i18n';
import { ActivityPicker } from './ActivityPicker';
import { changeLayer, DETAIL_FIELDS, draftToFeature, layersForGeometry, type FeatureDraft, type FieldSpec, type FormErrors } from './featureDraft';

interface Props {
  draft: FeatureDraft;
  index: DatasetIndex;
  onSave(feature: SafetyFeature): Promise<void>;
  onCancel(): void;
}

const newId = () => `egen-${crypto.randomUUID()}`;

/** One form for every layer kind: the common fields, the layer's own, and a clear list of errors. */
export function FeatureForm({ draft: initial, index, onSave, onCancel }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = draftToFeature(draft, index, newId);
    if ('errors' in result) {
      setErrors(result.errors);
      // Move focus to the list of errors so a screen reader user hears them at once.
      queueMicrotask(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.feature);
    } finally {
      setSaving(false);
    }
  };

  const fieldId = (key: string) => `${id}-${key.replace('.', '-')}`;
  const describedBy = (key: string) => (errors[key] ? `${fieldId(key)}-error` : undefined);
  const errorText = (key: string) =>
    errors[key] ? (
      <p id={`${fieldId(key)}-error`} className="field-error">
        {errors[key][language]}
      </p>
    ) : null;
  const setDetail = (key: string, value: string | string[]) => setDraft((d) => ({ ...d, details: { ...d.details, [key]: value } }));
  const point = draft.geometry.type === 'Point' ? draft.geometry.coordinates : null;
  const errorKeys = Object.keys(errors);

  return (
    <aside className="panel" aria-labelledby={`${id}-title`} data-testid="feature-form">
      <div className="panel-head">
        <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
          {draft.id ? t.edit.formTitleEdit(initial.name) : t.edit.formTitleNew}
        </h2>
      </div>
      <form onSubmit={submit} noValidate className="feature-form">
        {errorKeys.length > 0 && (
          <div className="error-summary" tabIndex={-1} ref={summaryRef} role="alert">
            <p>{t.edit.errorsTitle(errorKeys.length)}</p>
            <ul>
              {errorKeys.map((key) => (
                <li key={key}>
                  <a href={`#${fieldId(key === 'geometry' ? 'geometry-lon' : key)}`}>
                    {labelOf(key, t)}: {errors[key]![language]}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Field label={t.edit.name} htmlFor={fieldId('name')} error={errorText('name')}>
          <input
            id={fieldId('name')}
            value={draft.name}
            maxLength={200}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={describedBy('name')}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
        </Field>
        <Field label={t.edit.layer} htmlFor={fieldId('layer')}>
          <select id={fieldId('layer')} value={draft.layer} onChange={(e) => setDraft(changeLayer(draft, e.currentTarget.value as LayerKind))}>
            {layersForGeometry(draft.geometry.type).map((layer) => (
              <option key={layer} value={layer}>
                {t.layerSingular[layer]}
              </option>
            ))}
          </select>
        </Field>
        {point && (
          <div className="coordinate-row">
            {(['lon', 'lat'] as const).map((axis, i) => (
              <Field key={axis} label={t.edit[axis]} htmlFor={fieldId(`geometry-${axis}`)} error={i === 0 ? errorText('geometry') : null}>
                <input
                  id={fieldId(`geometry-${axis}`)}
                  inputMode="decimal"
                  defaultValue={String(point[i])}
                  aria-invalid={Boolean(errors.geometry)}
                  aria-describedby={describedBy('geometry')}
                  onChange={(e) => {
                    const value = Number(e.currentTarget.value.replace(',', '.'));
                    const coordinates = [...point];
                    coordinates[i] = Number.isFinite(value) && e.currentTarget.value.trim() !== '' ? value : Number.NaN;
                    setDraft({ ...draft, geometry: { type: 'Point', coordinates } });
                  }}
                />
              </Field>
            ))}
          </div>
        )}
        <div id={fieldId('activityIds')}>
          <ActivityPicker index={index} value={draft.activityIds} onChange={(activityIds) => setDraft({ ...draft, activityIds })} error={errors.activityIds?.[language]} />
        </div>
        {DETAIL_FIELDS[draft.layer].map((field) => (
          <DetailField key={field.key} field={field} value={draft.details[field.key]} id={fieldId(`details.${field.key}`)} error={errors[`details.${field.key}`]?.[language]} onChange={setDetail} />
        ))}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t.edit.cancel}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {t.edit.save}
          </button>
        </div>
      </form>
    </aside>
  );
}

function DetailField({ field, value, id, error, onChange }: { field: FieldSpec; value: string | string[] | undefined; id: string; error?: string; onChange(key: string, value: string | string[]): void }) {
  const { t } = useI18n();
  const label = t.detailLabels[field.key] ?? field.key;
  const errorNode = error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
  const common = { id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined };
  if (field.type === 'multi') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="facet" id={id}>
        <legend>{label}</legend>
        {field.options!.map((option) => (
          <label key={option} className="check">
            <input type="checkbox" checked={chosen.includes(option)} onChange={(e) => onChange(field.key, e.currentTarget.checked ? [...chosen, option] : chosen.filter((c) => c !== option))} />
            {t.detailValues[field.key]?.[option] ?? option}
          </label>
        ))}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const hint = field.type === 'list' ? t.edit.listHint : field.type === 'lines' ? t.edit.linesHint : null;
  return (
    <Field label={hint ? `${label} (${hint})` : label} htmlFor={id} error={errorNode}>
      {field.type === 'select' ? (
        <select {...common} value={text} onChange={(e) => onChange(field.key, e.currentTarget.value)}>
          {field.options!.map((option) => (
            <option key={option} value={option}>
              {t.detailValues[field.key]?.[option] ?? option}
            </option>
          ))}
        </select>
      ) : field.type === 'textarea' || field.type === 'lines' ? (
        <textarea {...common} value={text} rows={3} maxLength={2000} onChange={(e) => onChange(field.key, e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={field.type === 'date' || field.type === 'time' ? field.type : 'text'}
          inputMode={field.type === 'int' || field.type === 'number' ? 'decimal' : undefined}
          value={text}
          maxLength={500}
          onChange={(e) => onChange(field.key, e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function Field({ label, htmlFor, error, children }: { label: string; htmlFor: string; error?: ReactNode; children: ReactNode }) {
  return (
    <div className="form-field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {error}
    </div>
  );
}

function labelOf(key: string, t: ReturnType<typeof useI18n>['t']): string {
  if (key === 'name') return t.edit.name;
  if (key === 'activityIds') return t.edit.activities;
  if (key === 'geometry') return t.place;
  if (key.startsWith('details.')) return t.detailLabels[key.slice(8)] ?? key;
  return key;
}
