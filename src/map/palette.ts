import type { LayerKind } from '../domain/layers';

/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; each layer also
 * differs in shape (circle, dashed route, solid street with casing, hatched-looking outline) so
 * colour is never the only cue.
 */
export const LAYER_COLOURS: Record<LayerKind, string> = {
  'unsafe-place': '#D55E00',
  'safety-walk': '#0072B2',
  'watch-area': '#009E73',
  'speed-control': '#E69F00',
  'focus-place': '#CC79A7',
};

export const SELECTED_COLOUR = '#000000';
export const HIGHLIGHT_COLOUR = '#56B4E9';

/** Order in the legend and draw order on the map (areas below lines below points). */
export const LAYER_ORDER: readonly LayerKind[] = ['focus-place', 'watch-area', 'speed-control', 'safety-walk', 'unsafe-place'];
