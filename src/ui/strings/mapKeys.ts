import type { Language } from '../i18n';
import { svCount, enCount } from './plural';

/**
 * The mapKeys strings in both languages, loaded with their part only (the first JavaScript stays
 * under 500 kB gzip), not with the app's dictionary.
 */
const SV = {
  label: 'Platser på kartan',
  chip: 'Platser med tangentbordet',
  help: 'Piltangenterna flyttar till närmaste plats åt det hållet, Home och End till första och sista, Enter öppnar platsen, Escape släpper.',
  start: (n: number) => (n ? `${svCount(n, 'plats', 'platser')} i vyn: tryck en piltangent` : 'Inga platser i vyn'),
  position: (i: number, n: number) => `${i} av ${n} i vyn`,
  noneInView: 'Inga platser i kartvyn. Zooma ut eller rensa filtren.',
  noneThatWay: (direction: string) => `Inga fler platser ${direction} i vyn.`,
  directions: { left: 'till vänster', right: 'till höger', up: 'uppåt', down: 'nedåt' },
};
export type MapKeysStrings = typeof SV;

const EN: MapKeysStrings = {
  label: 'Places on the map',
  chip: 'Places by keyboard',
  help: 'The arrow keys move to the nearest place in that direction, Home and End to the first and last, Enter opens the place, Escape lets go.',
  start: (n) => (n ? `${enCount(n, 'place', 'places')} in view: press an arrow key` : 'No places in view'),
  position: (i, n) => `${i} of ${n} in view`,
  noneInView: 'No places in the map view. Zoom out or clear the filters.',
  noneThatWay: (direction) => `No more places ${direction} in view.`,
  directions: { left: 'to the left', right: 'to the right', up: 'above', down: 'below' },
};

export const mapKeysStrings = (language: Language): MapKeysStrings => (language === 'en' ? EN : SV);
