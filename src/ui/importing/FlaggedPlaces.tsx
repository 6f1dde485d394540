import { useId } from 'react';
import type { FlaggedPlace } from '../../io/candidatesToFeatures';
import { useI18n } from '../i18n';
import { importStrings } from './strings';

interface Props {
  flagged: readonly FlaggedPlace[];
  excluded: ReadonlySet<string>;
  onExclude(keys: ReadonlySet<string>): void;
}

/** A long list is cut here; "leave out all" still reaches every flagged place. */
const SHOWN = 50;

/**
 * Places that lie outside the municipalities of the chosen activities (a Trelleborg road for a
 * Nacka promise): listed with the municipality they lie in, each with a box to leave it out.
 */
export function FlaggedPlaces({ flagged, excluded, onExclude }: Props) {
  const { language } = useI18n();
  const imp = importStrings(language);
  const id = useId();
  if (!flagged.length) return null;
  const allOut = flagged.every((f) => excluded.has(f.key));
  const toggle = (key: string, out: boolean) => {
    const next = new Set(excluded);
    if (out) next.add(key);
    else next.delete(key);
    onExclude(next);
  };
  return (
    <fieldset className="facet flagged-places" data-testid="flagged-places">
      <legend>{imp.flaggedTitle(flagged.length)}</legend>
      <p className="muted" id={`${id}-help`}>
        {imp.flaggedHelp}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={allOut}
          aria-describedby={`${id}-help`}
          onChange={(e) => onExclude(e.currentTarget.checked ? new Set([...excluded, ...flagged.map((f) => f.key)]) : new Set())}
        />{' '}
        {imp.leaveOutAll}
      </label>
      <ul>
        {flagged.slice(0, SHOWN).map((place) => (
          <li key={place.key}>
            <label className="checkbox">
              <input type="checkbox" checked={excluded.has(place.key)} onChange={(e) => toggle(place.key, e.currentTarget.checked)} />{' '}
              {imp.leaveOut(place.name ?? place.label[language], place.municipality.name)}
            </label>
          </li>
        ))}
      </ul>
      {flagged.length > SHOWN && <p>{imp.flaggedMore(flagged.length - SHOWN)}</p>}
    </fieldset>
  );
}
