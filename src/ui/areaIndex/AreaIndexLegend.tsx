import { classesFor, NO_DATA_CLASS } from '../../analysis/areaIndex';
import type { AreaIndexMode } from '../../domain/areaIndex';
import { CHOROPLETH_COLOURS, NO_DATA_COLOUR } from '../../map/choropleth';
import { useI18n } from '../i18n';
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
  const { t, language } = useI18n();
  const classes = classesFor(mode);
  const rows = [
    ...classes.map((c) => ({
      key: c.key,
      colour: CHOROPLETH_COLOURS[c.key]!,
      label: mode === 'change' ? `${t.areaIndex.changeClassNames[c.key] ?? c.key}: ${classRange(c, t, language, true)}` : classRange(c, t, language, false),
    })),
    { key: NO_DATA_CLASS, colour: NO_DATA_COLOUR, label: mode === 'level' ? t.areaIndex.noDataLevel : t.areaIndex.noDataChange },
  ];
  return (
    <figure className="area-legend" data-testid="area-index-legend" aria-labelledby="area-legend-caption">
      <figcaption id="area-legend-caption">
        <strong>{t.areaIndex.legendTitle}</strong>: {t.areaIndex.legendCaption(mode, question, yearText)}
      </figcaption>
      <ul>
        {rows.map((row) => (
          <li key={row.key} data-class={row.key}>
            <span className={`area-swatch${row.key === NO_DATA_CLASS ? ' no-data' : ''}`} style={{ background: row.colour }} aria-hidden="true" />
            <span>{row.label}</span>
            <span className="legend-count">{t.areaIndex.areaCount(counts.get(row.key) ?? 0)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{mode === 'level' ? t.areaIndex.legendHelpLevel : t.areaIndex.legendHelpChange}</p>
    </figure>
  );
}
