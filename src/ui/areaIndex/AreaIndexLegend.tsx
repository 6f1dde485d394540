import { classesFor, NO_DATA_CLASS } from '../../analysis/areaIndex';
import { areaIndexStrings, type AreaIndexStrings } from '../strings/areaIndex';
import type { AreaIndexMode } from '../../domain/areaIndex';
import { CHOROPLETH_COLOURS, NO_DATA_COLOUR } from '../../map/choropleth';
import { useI18n, type Language } from '../i18n';
import { classRange } from './format';

interface Props {
  mode: AreaIndexMode;
  question: string;
  /** The year in words: "2024" or "latest year". */
  yearText: string;
  counts: ReadonlyMap<string, number>;
}

/** The choropleth's classes with their ranges, colours and how many areas each holds; text, so it reads without the colours. */
export function AreaIndexLegend({ mode, question, yearText, counts }: Props) {
  const { language } = useI18n();
  const a = areaIndexStrings(language);
  const rows = legendRows(mode, a, language);
  return (
    <figure className="area-legend" data-testid="area-index-legend" aria-labelledby="area-legend-caption">
      <figcaption id="area-legend-caption">
        <strong>{a.legendTitle}</strong>: {a.legendCaption(mode, question, yearText)}
      </figcaption>
      <ul>
        {rows.map((row) => (
          <li key={row.key} data-class={row.key}>
            <span className={`area-swatch${row.key === NO_DATA_CLASS ? ' no-data' : ''}`} style={{ background: row.colour }} aria-hidden="true" />
            <span>{row.label}</span>
            <span className="legend-count">{a.areaCount(counts.get(row.key) ?? 0)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{mode === 'level' ? a.legendHelpLevel : a.legendHelpChange}</p>
    </figure>
  );
}

/** The classes with colour and range: the view's legend and the map's legend show the same rows. */
export function legendRows(mode: AreaIndexMode, a: AreaIndexStrings, language: Language) {
  const classes = classesFor(mode);
  return [
    ...classes.map((c) => ({
      key: c.key,
      colour: CHOROPLETH_COLOURS[c.key]!,
      label: mode === 'change' ? `${a.changeClassNames[c.key] ?? c.key}: ${classRange(c, a, language, true)}` : classRange(c, a, language, false),
    })),
    { key: NO_DATA_CLASS, colour: NO_DATA_COLOUR, label: mode === 'level' ? a.noDataLevel : a.noDataChange },
  ];
}
