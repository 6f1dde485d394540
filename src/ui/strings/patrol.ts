import { formatNumber, type Language } from '../i18n';
import { enCount, enForm, svCount } from './plural';

/**
 * The patrol view's own strings in both languages (issue 14, point 4), loaded with that view only:
 * the first JavaScript stays under 500 kB gzip (issue 12), so they are not in the app's dictionary.
 */
const SV = {
  area: 'Område',
  areaAll: 'Alla kommuner',
  areaMunicipalities: 'Kommun',
  areaPoliceAreas: 'Lokalpolisområde',
  municipalityArea: (name: string) => `${name} (kommun)`,
  areaServes: (area: string, region: string) => `${area} (${region}) omfattar enligt registret över polisområden:`,
  memberFromDocument: (document: string, quote: string) => `enligt ${document}: ”${quote}”`,
  memberInferred: (note: string) => `härlett, inte angivet i något dokument: ${note}`,
  followsFilters: (leftOut: number, total: number, active: boolean) =>
    !active
      ? 'Listan följer filtren för kartan och tabellen; inga filter är valda.'
      : leftOut === 0
        ? `Listan följer filtren för kartan och tabellen. De lämnar ingen av de ${svCount(total, 'plats', 'platser')} som kan prioriteras utanför.`
        : `Listan följer filtren för kartan och tabellen. De lämnar ${formatNumber(leftOut, 'sv')} av ${svCount(total, 'plats', 'platser')} som kan prioriteras utanför.`,
  areaLeftOut: (n: number, area: string) =>
    n === 0 ? `Ingen plats ligger utanför ${area}.` : `${svCount(n, 'plats', 'platser')} ligger utanför ${area} och visas inte.`,
  nothingToList: 'Inga platser att prioritera med de filter och det område som är valda.',
  listed: (n: number) => `${svCount(n, 'plats', 'platser')} på listan`,
  print: 'Skriv ut patrullista',
  printedAt: (when: string) => `Utskriven ${when}`,
  sheetArea: (area: string) => `Område: ${area}`,
  sheetFilters: (filters: string) => `Filter: ${filters}`,
  noFilters: 'inga',
  filterPart: (facet: string, values: string) => `${facet}: ${values}`,
  searchFor: (text: string) => `sök ”${text}”`,
  onlyInView: 'bara det som syns på kartan',
  mapTitle: (n: number) => `Karta över området med ${svCount(n, 'listad plats', 'listade platser')}`,
  mapCaption: 'Siffrorna är platsernas nummer i tabellen. Där siffror låg för tätt har de flyttats isär; en linje leder då till platsens punkt.',
  mapSource: (attribution: string) => `Kartunderlag: ${attribution}`,
  scale: (label: string) => `Skala: ${label}`,
  tableCaption: 'Platserna i prioritetsordning',
  columnNumber: 'Nr',
  columnPlace: 'Plats',
  columnLocality: 'Kommun, ort',
  columnSweref: 'SWEREF 99 TM (m)',
  columnWgs: 'WGS 84 (lat, lon)',
  columnScore: 'Poäng och delar',
  // "Nacka, nära Nacka" would read as a slip: a locality named as its municipality is called the locality.
  locality: (municipality: string, near: string | null, distance: string | null) =>
    near ? `${municipality}, nära ${near === municipality ? `orten ${near}` : near}${distance ? ` (${distance})` : ''}` : municipality,
  localityAt: (municipality: string, place: string) => `${municipality}, ${place}`,
};
export type PatrolStrings = typeof SV;

const EN: PatrolStrings = {
  area: 'Area',
  areaAll: 'All municipalities',
  areaMunicipalities: 'Municipality',
  areaPoliceAreas: 'Local police area',
  municipalityArea: (name) => `${name} (municipality)`,
  areaServes: (area, region) => `${area} (${region}) serves, by the register of police areas:`,
  memberFromDocument: (document, quote) => `per ${document}: “${quote}”`,
  memberInferred: (note) => `inferred, stated in no document: ${note}`,
  followsFilters: (leftOut, total, active) =>
    !active
      ? 'The list follows the filters of the map and the table; no filter is chosen.'
      : leftOut === 0
        ? `The list follows the filters of the map and the table. They leave out none of the ${enCount(total, 'place', 'places')} that can be ranked.`
        : `The list follows the filters of the map and the table. They leave out ${formatNumber(leftOut, 'en')} of ${enCount(total, 'place', 'places')} that can be ranked.`,
  areaLeftOut: (n, area) =>
    n === 0 ? `No place lies outside ${area}.` : `${enCount(n, 'place lies', 'places lie')} outside ${area} and ${enForm(n, 'is', 'are')} not listed.`,
  nothingToList: 'No places to rank with the chosen filters and area.',
  listed: (n) => `${enCount(n, 'place', 'places')} on the list`,
  print: 'Print the patrol list',
  printedAt: (when) => `Printed ${when}`,
  sheetArea: (area) => `Area: ${area}`,
  sheetFilters: (filters) => `Filters: ${filters}`,
  noFilters: 'none',
  filterPart: (facet, values) => `${facet}: ${values}`,
  searchFor: (text) => `search “${text}”`,
  onlyInView: 'only what the map shows',
  mapTitle: (n) => `Map of the area with ${enCount(n, 'listed place', 'listed places')}`,
  mapCaption: 'The numbers are the places’ numbers in the table. Where numbers lay too close they were moved apart; a line then leads to the place’s point.',
  mapSource: (attribution) => `Map data: ${attribution}`,
  scale: (label) => `Scale: ${label}`,
  tableCaption: 'The places in priority order',
  columnNumber: 'No.',
  columnPlace: 'Place',
  columnLocality: 'Municipality, locality',
  columnSweref: 'SWEREF 99 TM (m)',
  columnWgs: 'WGS 84 (lat, lon)',
  columnScore: 'Score and its parts',
  locality: (municipality, near, distance) =>
    near ? `${municipality}, near ${near === municipality ? `the locality of ${near}` : near}${distance ? ` (${distance})` : ''}` : municipality,
  localityAt: (municipality, place) => `${municipality}, ${place}`,
};

export const patrolStrings = (language: Language): PatrolStrings => (language === 'en' ? EN : SV);
