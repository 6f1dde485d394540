import type { LayerKind } from '../../domain/layers';
import type { MapOverlay } from '../../map/adapter';
import { overlayClasses } from '../../map/overlayClasses';
import { LAYER_COLOURS, LAYER_ORDER } from '../../map/palette';
import { AGGREGATE_ABOVE, TILED_POINT_LAYERS } from '../../map/pointTiles/tileGrid';
import { formatNumber, useI18n } from '../i18n';

export interface AnswersShown {
  kind: 'cells' | 'points';
  /** The most answers in one cell (cells only). */
  max: number;
}

interface Props {
  /** The layers the filter shows (empty: all), with how many places each has after the filters. */
  layers: readonly LayerKind[];
  counts: ReadonlyMap<string, number>;
  overlay: MapOverlay | null;
  answers: AnswersShown | null;
  open: boolean;
  onOpen(open: boolean): void;
}

/**
 * What every colour, line and number on the map means, on the map itself: the layers shown, the
 * survey answers, and the analysis overlay of the open view (its classes with their ranges).
 * Text beside every swatch, so nothing is told by colour alone.
 */
export function MapLegend({ layers, counts, overlay, answers, open, onOpen }: Props) {
  const { t, language } = useI18n();
  const l = t.legend;
  const n = (v: number) => formatNumber(v, language);
  const shown = [...LAYER_ORDER].reverse().filter((layer) => !layers.length || layers.includes(layer));
  const areas = overlay?.areas;
  return (
    <details className="map-legend" open={open} onToggle={(e) => onOpen(e.currentTarget.open)} data-testid="map-legend">
      <summary>{l.title}</summary>
      <div className="map-legend-body">
        <ul aria-label={l.layers}>
          {shown.map((layer) => (
            <li key={layer} data-layer={layer}>
              <span className={`swatch swatch-${layer}`} style={{ ['--swatch' as string]: LAYER_COLOURS[layer] }} aria-hidden="true" />
              <span>{t.layerNames[layer]}</span>
              <span className="legend-count">{n(counts.get(layer) ?? 0)}</span>
            </li>
          ))}
        </ul>
        {/* Cells appear only where a tile would hold more places than this; fewer places in all never make one. */}
        {shown.some((layer) => TILED_POINT_LAYERS.includes(layer) && (counts.get(layer) ?? 0) > AGGREGATE_ABOVE) && (
          <p className="map-legend-note" data-testid="legend-place-cells">
            <span className="legend-key key-place-cell" aria-hidden="true">
              12
            </span>
            {l.placeCells}
          </p>
        )}
        {answers && (
          <p className="map-legend-note" data-testid="legend-answers">
            <span className={`legend-key ${answers.kind === 'cells' ? 'key-answer-cells' : 'key-answer-point'}`} aria-hidden="true" />
            {answers.kind === 'cells' ? l.answerCells(n(answers.max)) : l.answerPoints}
          </p>
        )}
        {areas && (
          <figure className="map-legend-classes" data-testid="legend-hexagons">
            <figcaption>{areas.scale === 'count' ? l.hexCount(overlay?.areasUnit ?? 'places') : l.hexChange}</figcaption>
            <ul>
              {overlayClasses(areas.scale, areas.max).map((c) => (
                <li key={c.from}>
                  <span className="legend-key" style={{ background: c.colour }} aria-hidden="true" />
                  <span>{areas.scale === 'change' ? l.changeRange(c.from, c.to) : l.range(n(c.from), n(c.to))}</span>
                </li>
              ))}
            </ul>
          </figure>
        )}
        {overlay?.choropleth?.legend && (
          <figure className="map-legend-classes" data-testid="legend-choropleth">
            <figcaption>{overlay.choropleth.legend.title}</figcaption>
            <ul>
              {overlay.choropleth.legend.rows.map((row) => (
                <li key={row.label}>
                  <span className="legend-key" style={{ background: row.colour }} aria-hidden="true" />
                  <span>{row.label}</span>
                </li>
              ))}
            </ul>
          </figure>
        )}
        {overlay?.numbered?.length ? (
          <p className="map-legend-note" data-testid="legend-numbered">
            <span className="legend-number" aria-hidden="true">1</span>
            {overlay.numberedKind === 'gaps' ? l.numberedGaps(overlay.numbered.length) : overlay.numberedKind === 'patrol' ? l.numberedPatrol(overlay.numbered.length) : l.numbered}
          </p>
        ) : null}
        {overlay?.circle && (
          <p className="map-legend-note" data-testid="legend-circle">
            <span className="legend-key key-circle" aria-hidden="true" />
            {l.circle}
          </p>
        )}
      </div>
    </details>
  );
}
