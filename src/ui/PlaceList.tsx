import type { LayerKind } from '../domain/layers';
import type { SafetyFeature } from '../domain/safetyFeature';
import { LAYER_ORDER } from '../map/palette';
import { useI18n } from './i18n';

interface Props {
  features: readonly SafetyFeature[];
  visibility: Record<LayerKind, boolean>;
  selectedId: string | null;
  onSelect(featureId: string): void;
}

const collator = new Intl.Collator('sv');

/** The map's content as a list: every place reachable by keyboard and screen reader. */
export function PlaceList({ features, visibility, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  return (
    <nav className="place-list" aria-label={t.places}>
      <h2>{t.places}</h2>
      {[...LAYER_ORDER].reverse().filter((layer) => visibility[layer]).map((layer) => {
        const inLayer = features.filter((f) => f.layer === layer).sort((a, b) => collator.compare(a.name, b.name));
        if (!inLayer.length) return null;
        return (
          <section key={layer} aria-label={t.layerNames[layer]}>
            <h3>
              {t.layerNames[layer]} <span className="muted">({inLayer.length})</span>
            </h3>
            <ul>
              {inLayer.map((feature) => (
                <li key={feature.id}>
                  <button
                    type="button"
                    className="place-button"
                    aria-current={feature.id === selectedId ? 'true' : undefined}
                    onClick={() => onSelect(feature.id)}
                  >
                    {feature.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
