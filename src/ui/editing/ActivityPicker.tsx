import { useId, useMemo, useState } from 'react';
import type { DatasetIndex } from '../../domain/dataset';
import { normaliseSearchText } from '../../domain/featureRows';
import { lookupOf } from '../../domain/rules/lookup';
import { isSensitiveActivity } from '../../domain/rules/sensitivePlace';
import { useI18n } from '../i18n';

interface Props {
  index: DatasetIndex;
  value: string[];
  onChange(ids: string[]): void;
  error?: string;
}

interface Option {
  id: string;
  title: string;
  context: string;
  municipalityCode: string;
  search: string;
}

/** Links a place to activities: search, then tick. Sensitive activities are never offered. */
export function ActivityPicker({ index, value, onChange, error }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const options = useMemo(() => activityOptions(index), [index]);
  const chosenMunicipality = value.length ? options.find((o) => o.id === value[0])?.municipalityCode : undefined;
  const words = normaliseSearchText(query).split(' ').filter(Boolean);
  const visible = options.filter((o) => value.includes(o.id) || words.every((w) => o.search.includes(w)));

  return (
    <fieldset className="activity-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {t.edit.activities} <span className="muted">({t.edit.chosenActivities(value.length)})</span>
      </legend>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t.edit.activitySearch}
      </label>
      <input id={`${id}-search`} type="search" placeholder={t.edit.activitySearch} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <ul className="picker-list">
        {visible.map((option) => {
          const elsewhere = chosenMunicipality !== undefined && option.municipalityCode !== chosenMunicipality;
          return (
            <li key={option.id}>
              <label className="facet-row">
                <input
                  type="checkbox"
                  checked={value.includes(option.id)}
                  disabled={elsewhere && !value.includes(option.id)}
                  onChange={(e) => onChange(e.currentTarget.checked ? [...value, option.id] : value.filter((v) => v !== option.id))}
                />
                <span>
                  {option.title}
                  <span className="muted"> — {option.context}{elsewhere ? ` (${t.edit.otherMunicipality})` : ''}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function activityOptions(index: DatasetIndex): Option[] {
  const options: Option[] = [];
  const lookup = lookupOf(index);
  for (const activity of index.activities.values()) {
    const area = index.focusAreas.get(activity.focusAreaId);
    // The same rule as the write door: a sensitive activity is never offered for a place.
    if (isSensitiveActivity(activity, lookup)) continue;
    const document = index.documents.get(activity.documentId);
    const context = `${document?.municipality.name ?? ''}: ${area?.title ?? ''}`;
    options.push({
      id: activity.id,
      title: activity.title,
      context,
      municipalityCode: document?.municipality.code ?? '',
      search: normaliseSearchText(`${activity.title} ${context} ${document?.title ?? ''}`),
    });
  }
  return options.sort((a, b) => a.context.localeCompare(b.context, 'sv') || a.title.localeCompare(b.title, 'sv'));
}
