import { LAYER_ORDER, LAYER_COLOURS } from '../map/palette';
import type { LayerKind } from '../domain/layers';
import { useI18n } from './i18n';

interface Props {
  visibility: Record<LayerKind, boolean>;
  counts: Record<LayerKind, number>;
  onToggle(layer: LayerKind, visible: boolean): void;
}

/** Legend and layer toggles in one: each checkbox carries the swatch that the map draws. */
export function LayerLegend({ visibility, counts, onToggle }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="legend">
      <legend>{t.layers}</legend>
      {[...LAYER_ORDER].reverse().map((layer) => (
        <label key={layer} className="legend-row">
          <input type="checkbox" checked={visibility[layer]} onChange={(e) => onToggle(layer, e.currentTarget.checked)} />
          <span className={`swatch swatch-${layer}`} style={{ ['--swatch' as string]: LAYER_COLOURS[layer] }} aria-hidden="true" />
          <span className="legend-name">{t.layerNames[layer]}</span>
          <span className="legend-count">{counts[layer]}</span>
        </label>
      ))}
    </fieldset>
  );
}
