import type { ParsedImport } from '../../io/importTypes';
import { useI18n } from '../i18n';
import { importStrings } from './strings';

interface Props {
  parsed: ParsedImport;
  idPrefix: string;
  onNameKey(key: string | null): void;
}

/** GeoJSON, KML, GPX and shapefile: which property names the places, as CSV has its name column. */
export function NameKeySelect({ parsed, idPrefix, onNameKey }: Props) {
  const { language } = useI18n();
  const imp = importStrings(language);
  const naming = parsed.naming;
  if (!naming || !naming.keys.length || parsed.appExport) return null;
  const examples = [...new Set(parsed.candidates.map((c) => c.name).filter((n): n is string => !!n))].slice(0, 3);
  return (
    <div className="form-field">
      <label htmlFor={`${idPrefix}-name-key`}>{imp.nameKey}</label>
      <select
        id={`${idPrefix}-name-key`}
        value={naming.key ?? ''}
        aria-describedby={`${idPrefix}-name-key-help`}
        onChange={(e) => onNameKey(e.currentTarget.value === '' ? null : e.currentTarget.value)}
      >
        <option value="">{imp.nameKeyNone}</option>
        {naming.keys.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </select>
      <p id={`${idPrefix}-name-key-help`} className="muted">
        {naming.guessed && naming.key && `${imp.nameKeyGuessed} `}
        {examples.length > 0 && imp.nameExamples(examples.join(', '))}
      </p>
    </div>
  );
}
