import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../src/domain/filters';
import { parseUrlState, serializeUrlState, type UrlState } from '../../../src/ui/urlState';

const state = (over: Partial<UrlState> = {}): UrlState => ({
  filter: EMPTY_FILTER,
  selectedId: null,
  view: null,
  tab: 'places',
  language: null,
  near: null,
  ...over,
});

describe('state in the URL', () => {
  it('is empty for the default view', () => {
    expect(serializeUrlState(state())).toBe('');
    expect(parseUrlState('')).toEqual(state());
  });
  it('round-trips filters, selection, view, tab and language', () => {
    const full = state({
      filter: {
        ...EMPTY_FILTER,
        municipality: ['0182', '2401'],
        document: ['nacka-2022'],
        focusArea: ['nacka-2022-platssamverkan'],
        layer: ['unsafe-place'],
        responsible: ['polis'],
        status: ['unknown'],
        timeOfDay: ['kvall'],
        text: 'Fisksätra torg',
        inView: true,
      },
      selectedId: 'nacka-2022-f-orminge',
      view: { center: [18.25188, 59.3285], zoom: 13.5 },
      tab: 'promises',
      language: 'en',
      near: { point: [18.25, 59.29], radius: 2000 },
    });
    const search = serializeUrlState(full);
    expect(search).toContain('kommun=0182,2401');
    expect(search).toContain('karta=13.5/59.3285/18.25188');
    expect(search).toContain('nara=18.25,59.29&radie=2000');
    expect(parseUrlState(search)).toEqual(full);
  });
  it('drops values that a pasted or hostile link cannot mean', () => {
    const parsed = parseUrlState('?lager=unsafe-place,<script>,__proto__&status=done,nope&karta=99/1000/5&tid=natt&vald=' + 'x'.repeat(500));
    expect(parsed.filter.layer).toEqual(['unsafe-place']);
    expect(parsed.filter.status).toEqual(['done']);
    expect(parsed.filter.timeOfDay).toEqual(['natt']);
    expect(parsed.view).toBeNull();
    expect(parsed.selectedId).toBeNull();
    expect(parseUrlState('?karta=12/59.3/abc').view).toBeNull();
    expect(Object.getPrototypeOf(parseUrlState('?__proto__=1').filter)).toBe(Object.prototype);
  });
});
