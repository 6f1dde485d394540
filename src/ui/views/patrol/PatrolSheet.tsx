import { useI18n } from '../../i18n';
import { Fragment, useMemo } from 'react';
import type { PatrolStrings } from '../../strings/patrol';
import { PatrolSheetMap } from './PatrolSheetMap';
import type { SheetBasemap } from './useSheetBasemap';

export interface SheetRow {
  featureId: string;
  name: string;
  locality: string;
  point: readonly [number, number];
  sweref: string;
  wgs: string;
  score: string;
  parts: readonly { key: string; text: string }[];
}

/** "N 6578886, E 679926" may break after the comma on a narrow page, never inside a number. */
const pair = (text: string) =>
  text.split(', ').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && ', '}
      <span className="patrol-sheet-coordinate">{part}</span>
    </Fragment>
  ));

interface Props {
  rows: readonly SheetRow[];
  printedAt: string;
  area: string;
  filters: string;
  basemap: SheetBasemap;
  scaleLabel(metres: number): string;
  s: PatrolStrings;
}

/**
 * What the paper holds besides the view's title and formula (print only): when it was printed
 * and for what (area, filters), the map of the listed places' area with their numbers, and each
 * place named with where it is, in the two coordinate systems a patrol uses.
 */
export function PatrolSheet({ rows, printedAt, area, filters, basemap, scaleLabel, s }: Props) {
  const { language } = useI18n();
  const points = useMemo(() => rows.map((r) => r.point), [rows]);
  return (
    <section className="patrol-sheet print-only" data-testid="patrol-sheet">
      <p className="patrol-sheet-meta">
        <span data-testid="patrol-printed-at">{s.printedAt(printedAt)}</span>
        <span>{s.sheetArea(area)}</span>
        <span>{s.sheetFilters(filters)}</span>
      </p>
      {rows.length === 0 ? (
        <p>{s.nothingToList}</p>
      ) : (
        <>
          <figure className="patrol-sheet-figure">
            <PatrolSheetMap points={points} basemap={basemap} title={s.mapTitle(rows.length)} scaleLabel={scaleLabel} />
            <figcaption className="muted">
              {s.mapCaption}
              {basemap.attribution && ` ${s.mapSource(basemap.attribution[language])}`}
            </figcaption>
          </figure>
          <table className="patrol-sheet-table" data-testid="patrol-sheet-table">
            <caption>{s.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.columnNumber}</th>
                <th scope="col">{s.columnPlace}</th>
                <th scope="col">{s.columnLocality}</th>
                <th scope="col">{s.columnSweref}</th>
                <th scope="col">{s.columnWgs}</th>
                <th scope="col">{s.columnScore}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.featureId}>
                  <td className="patrol-sheet-number">{i + 1}</td>
                  <th scope="row">{row.name}</th>
                  <td>{row.locality}</td>
                  <td className="patrol-sheet-coordinates">{pair(row.sweref)}</td>
                  <td className="patrol-sheet-coordinates">{pair(row.wgs)}</td>
                  <td>
                    <strong>{row.score}</strong>
                    <ul>
                      {row.parts.map((part) => (
                        <li key={part.key}>{part.text}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
