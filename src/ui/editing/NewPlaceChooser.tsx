import { useId, useState } from 'react';
import { LAYER_GEOMETRY, type LayerKind } from '../../domain/layers';
import type { DrawableType } from '../../map/draw';
import { LAYER_ORDER } from '../../map/palette';
import { useI18n } from '../i18n';

interface Props {
  onDraw(layer: LayerKind, type: DrawableType): void;
  onEnterCoordinates(layer: LayerKind): void;
  onCancel(): void;
}

const DRAWABLE: DrawableType[] = ['Point', 'LineString', 'Polygon'];

/** First step of a new place: which layer, which shape, and draw it (or type a point's coordinates). */
export function NewPlaceChooser({ onDraw, onEnterCoordinates, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [layer, setLayer] = useState<LayerKind>('unsafe-place');
  const types = DRAWABLE.filter((type) => LAYER_GEOMETRY[layer].includes(type));
  const [type, setType] = useState<DrawableType>(types[0]!);
  const chosenType = types.includes(type) ? type : types[0]!;
  return (
    <section className="chooser" aria-labelledby={`${id}-title`} data-testid="new-place">
      <h2 id={`${id}-title`}>{t.edit.chooseTitle}</h2>
      <div className="field">
        <label htmlFor={`${id}-layer`}>{t.edit.layer}</label>
        <select id={`${id}-layer`} value={layer} onChange={(e) => setLayer(e.currentTarget.value as LayerKind)} autoFocus>
          {[...LAYER_ORDER].reverse().map((l) => (
            <option key={l} value={l}>
              {t.layerSingular[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t.edit.geometryType}</label>
        <select id={`${id}-type`} value={chosenType} onChange={(e) => setType(e.currentTarget.value as DrawableType)}>
          {types.map((ty) => (
            <option key={ty} value={ty}>
              {t.edit.geometryNames[ty]}
            </option>
          ))}
        </select>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t.edit.cancel}
        </button>
        {chosenType === 'Point' && (
          <button type="button" onClick={() => onEnterCoordinates(layer)}>
            {t.edit.enterCoordinates}
          </button>
        )}
        <button type="button" className="primary" onClick={() => onDraw(layer, chosenType)}>
          {t.edit.drawOnMap}
        </button>
      </div>
    </section>
  );
}
