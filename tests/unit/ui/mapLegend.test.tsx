// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MapOverlay } from '../../../src/map/adapter';
import { I18nContext } from '../../../src/ui/i18n';
import { MapLegend } from '../../../src/ui/map/MapLegend';
import { en } from '../../../src/ui/strings/en';
import { sv } from '../../../src/ui/strings/sv';

afterEach(cleanup);

const square: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[18, 59], [18.01, 59], [18.01, 59.01], [18, 59]]] };
const cells = (max: number): MapOverlay['areas'] => ({ scale: 'count', max, collection: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square, properties: { value: max } }] } });

function legend(overlay: MapOverlay | null, language: 'sv' | 'en' = 'sv', answers: { kind: 'cells' | 'points'; max: number } | null = null) {
  return render(
    <I18nContext.Provider value={{ t: language === 'en' ? en : sv, language }}>
      <MapLegend layers={[]} counts={new Map([['unsafe-place', 3]])} overlay={overlay} answers={answers} open onOpen={() => {}} />
    </I18nContext.Provider>,
  );
}

describe('the map legend', () => {
  it('gives the hexagon classes with their ranges and the meaning of the gaps’ numbers', () => {
    legend({ areas: cells(10), numbered: [{ point: [18, 59], label: '1' }, { point: [18.1, 59], label: '2' }], numberedKind: 'gaps' });
    expect(screen.getByTestId('legend-hexagons').textContent).toContain('Otrygga platser per hexagon');
    const ranges = [...screen.getByTestId('legend-hexagons').querySelectorAll('li')].map((li) => li.textContent);
    expect(ranges).toEqual(['1–2', '3–4', '5–6', '7–8', '9–10']);
    expect(screen.getByTestId('legend-numbered').textContent).toContain('2 luckor utan trygghetsvandring');
  });

  it('explains change, the search circle and the answers in English too', () => {
    legend({ areas: { ...cells(4)!, scale: 'change' }, circle: square, numbered: [{ point: [18, 59], label: '1' }], numberedKind: 'patrol' }, 'en', { kind: 'cells', max: 12 });
    const ranges = [...screen.getByTestId('legend-hexagons').querySelectorAll('li')].map((li) => li.textContent);
    expect(ranges).toEqual(['3–4 fewer', '1–2 fewer', 'no change', '1–2 more', '3–4 more']);
    expect(screen.getByTestId('legend-numbered').textContent).toBe('1Number: the order in the patrol list (1 place)');
    expect(screen.getByTestId('legend-circle').textContent).toContain('search area');
    expect(screen.getByTestId('legend-answers').textContent).toContain('at most 12');
    expect(screen.getByText('Unsafe places')).toBeTruthy();
  });

  it('names the area index classes the view hands it', () => {
    legend({ choropleth: { collection: { type: 'FeatureCollection', features: [] }, legend: { title: 'Områdesindex', rows: [{ colour: '#ffffb2', label: '0–1' }] } } });
    expect(screen.getByTestId('legend-choropleth').textContent).toBe('Områdesindex0–1');
  });
});
