import { useId, type ReactNode } from 'react';
import type { Facet, FilterState } from '../domain/filters';
import type { LayerKind } from '../domain/layers';
import { LAYER_COLOURS, LAYER_ORDER } from '../map/palette';
import { formatNumber, useI18n } from './i18n';

export interface FacetOption {
  value: string;
  label: string;
}

interface Props {
  filter: FilterState;
  counts: Record<Facet, Map<string, number>>;
  options: Record<Exclude<Facet, 'layer'>, FacetOption[]>;
  shown: number;
  total: number;
  active: boolean;
  onChange(next: FilterState): void;
  onClear(): void;
}

/** One filter state for map and table: search, the layer legend, facets with counts, "only in view". */
export function FilterPanel({ filter, counts, options, shown, total, active, onChange, onClear }: Props) {
  const { t, language } = useI18n();
  const searchId = useId();
  const toggle = <F extends Facet>(facet: F, value: string, on: boolean) => {
    const current = filter[facet] as readonly string[];
    onChange({ ...filter, [facet]: on ? [...current, value] : current.filter((v) => v !== value) });
  };
  const count = (facet: Facet, value: string) => formatNumber(counts[facet].get(value) ?? 0, language);

  return (
    <section className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t.filterRegion}
      </h2>
      <div className="field search">
        <label htmlFor={searchId}>{t.search}</label>
        <input
          id={searchId}
          type="search"
          value={filter.text}
          placeholder={t.searchHint}
          maxLength={200}
          onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        />
      </div>
      <p className="result-count" aria-live="polite">
        {t.shownOfTotal(formatNumber(shown, language), formatNumber(total, language))}
      </p>
      <button type="button" onClick={onClear} disabled={!active}>
        {t.clearFilters}
      </button>
      <label className="check">
        <input type="checkbox" checked={filter.inView} onChange={(e) => onChange({ ...filter, inView: e.currentTarget.checked })} />
        {t.onlyInView}
      </label>

      <FacetGroup legend={t.facetNames.layer!}>
        {[...LAYER_ORDER].reverse().map((layer: LayerKind) => (
          <label key={layer} className="legend-row">
            <input
              type="checkbox"
              // No layer chosen means every layer: all boxes checked.
              checked={!filter.layer.length || filter.layer.includes(layer)}
              disabled={filter.layer.length === 1 && filter.layer[0] === layer}
              onChange={(e) => onChange({ ...filter, layer: nextLayers(filter.layer, layer, e.currentTarget.checked) })}
            />
            <span className={`swatch swatch-${layer}`} style={{ ['--swatch' as string]: LAYER_COLOURS[layer] }} aria-hidden="true" />
            <span className="legend-name">{t.layerNames[layer]}</span>
            <span className="legend-count">{count('layer', layer)}</span>
          </label>
        ))}
      </FacetGroup>

      {(['currency', 'municipality', 'document', 'focusArea', 'responsible', 'status', 'timeOfDay'] as const).map((facet) => (
        <FacetGroup key={facet} legend={t.facetNames[facet]!} collapsible={options[facet].length > 6} chosen={filter[facet].length}>
          {options[facet].map((option) => (
            <label key={option.value} className="facet-row">
              <input
                type="checkbox"
                checked={(filter[facet] as readonly string[]).includes(option.value)}
                onChange={(e) => toggle(facet, option.value, e.currentTarget.checked)}
              />
              <span className="facet-label">{option.label}</span>
              <span className="legend-count">{count(facet, option.value)}</span>
            </label>
          ))}
        </FacetGroup>
      ))}
    </section>
  );
}

function FacetGroup({ legend, children, collapsible = false, chosen = 0 }: { legend: string; children: ReactNode; collapsible?: boolean; chosen?: number }) {
  const body = (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
  if (!collapsible) return body;
  return (
    <details className="facet-details" open={chosen > 0 || undefined}>
      <summary>
        {legend}
        {chosen > 0 && ` (${chosen})`}
      </summary>
      {body}
    </details>
  );
}

/** The layer boxes read "all checked" for an empty list, so unchecking one means "all the others". */
function nextLayers(current: readonly LayerKind[], layer: LayerKind, on: boolean): LayerKind[] {
  const all = current.length ? current : LAYER_ORDER;
  if (!on && all.length === 1) return [...all]; // the last layer stays: an empty list would mean "all"
  const next = on ? [...new Set([...all, layer])] : all.filter((l) => l !== layer);
  return next.length === LAYER_ORDER.length ? [] : next;
}
