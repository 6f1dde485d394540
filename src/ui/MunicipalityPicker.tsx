import { useId } from 'react';
import type { Municipality } from '../domain/promiseDocument';
import { useI18n } from './i18n';

interface Props {
  municipalities: Municipality[];
  value: string;
  onChange(code: string): void;
}

export function MunicipalityPicker({ municipalities, value, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t.municipality}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t.allMunicipalities}</option>
        {municipalities.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}
