import type { PoliceArea, PoliceAreaRegister } from '../../../domain/policeAreas';
import { decodeArea, encodeArea, type PatrolArea } from '../../../analysis/patrolSheet';
import type { Language } from '../../i18n';
import type { PatrolStrings } from '../../strings/patrol';

interface ChoiceProps {
  id: string;
  value: PatrolArea;
  onChange(area: PatrolArea): void;
  /** The municipalities to offer, by code, already in the order to show. */
  municipalities: readonly { code: string; name: string }[];
  register: PoliceAreaRegister;
  s: PatrolStrings;
}

/** All, a municipality or a local police area from the register: one select, grouped, so a keyboard or screen reader meets one control. */
export function AreaChoice({ id, value, onChange, municipalities, register, s }: ChoiceProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{s.area}</label>
      <select id={id} value={encodeArea(value)} onChange={(e) => onChange(decodeArea(e.currentTarget.value))}>
        <option value="all">{s.areaAll}</option>
        <optgroup label={s.areaPoliceAreas}>
          {register.areas.map((area) => (
            <option key={area.id} value={encodeArea({ kind: 'police-area', id: area.id })}>
              {area.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={s.areaMunicipalities}>
          {municipalities.map((m) => (
            <option key={m.code} value={encodeArea({ kind: 'municipality', code: m.code })}>
              {m.name}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

interface MembersProps {
  area: PoliceArea;
  /** A seed document's title by its file, to name the source a membership quotes. */
  documentTitle(sourceFile: string): string | undefined;
  language: Language;
  s: PatrolStrings;
}

/**
 * The police area's municipalities as the register has them, each with how we know: the document
 * and its words, or that it is inferred and why (the register's note, in the UI's language).
 */
export function AreaMembers({ area, documentTitle, language, s }: MembersProps) {
  const note = (entry: { note?: string | undefined; noteSv?: string | undefined }) => (language === 'sv' ? (entry.noteSv ?? entry.note) : (entry.note ?? entry.noteSv));
  const areaNote = note(area);
  return (
    <div className="patrol-area-members" data-testid="patrol-area-members">
      <p>{s.areaServes(area.name, area.policeRegion)}</p>
      <ul>
        {area.municipalities.map((m) => (
          <li key={m.code}>
            <strong>{m.name}</strong>:{' '}
            <span className="muted">
              {m.inferred ? s.memberInferred(note(m) ?? '') : s.memberFromDocument(documentTitle(m.source.sourceFile) ?? m.source.sourceFile, m.source.quote)}
            </span>
          </li>
        ))}
      </ul>
      {areaNote && <p className="muted">{areaNote}</p>}
    </div>
  );
}
