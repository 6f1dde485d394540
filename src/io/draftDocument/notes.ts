import type { DraftActivity, DraftDocument, DraftFocusArea } from './types';

export interface NoteInput {
  text: string;
  truncated: boolean;
  document: DraftDocument;
  focusAreas: readonly DraftFocusArea[];
  activities: readonly DraftActivity[];
  signatoriesGuessed: boolean;
  unquoted: readonly string[];
  hasMunicipalityList: boolean;
}

/** What the planner must check or fill in, in Swedish, in the order of the form. */
export function draftNotes(input: NoteInput): string[] {
  const { document: d, focusAreas, activities } = input;
  const notes: string[] = [];
  if (!/\p{L}{2,}/u.test(input.text)) {
    notes.push('Texten innehåller inga ord som kunde läsas (är PDF-filen skannad? Då behövs en textversion).');
    return notes;
  }
  if (input.truncated) notes.push('Texten var mycket lång och lästes bara i början.');
  if (!d.title) notes.push('Ingen rubrik hittades: skriv dokumentets titel.');
  if (!d.kind) notes.push('Dokumenttypen (medborgarlöfte, plan för samverkan, samverkansöverenskommelse) framgick inte.');
  if (!d.municipality) notes.push('Ingen kommun hittades i texten: välj kommun.');
  else if (!d.municipality.code)
    notes.push(input.hasMunicipalityList ? `"${d.municipality.name}" finns inte i kommunlistan: välj kommun.` : `Kommunkoden för ${d.municipality.name} är inte ifylld: välj kommun.`);
  if (!d.policeArea) notes.push('Inget lokalpolisområde nämns: fyll i det.');
  if (!d.period) notes.push('Ingen period (år) hittades: fyll i från och till.');
  else if (d.periodNote) notes.push(d.periodNote);
  if (input.signatoriesGuessed) notes.push('Två namn stod på samma rad under underskrifterna: kontrollera var det ena namnet slutar.');
  if (focusAreas.length === 0) notes.push('Inga fokusområden hittades: texten har inga rubriker, punktlistor eller aktivitetstabeller som kunde läsas.');
  const fromBullets = focusAreas.filter((f) => f.origin === 'bullet').length;
  if (fromBullets > 1) notes.push(`${fromBullets} punkter utan egen rubrik blev ett fokusområde var: slå ihop dem som hör ihop och ge dem namn.`);
  if (activities.length === 0 && focusAreas.length > 0) notes.push('Inga aktiviteter hittades under fokusområdena.');
  const orphans = activities.filter((a) => a.focusAreaIndex === null).length;
  if (orphans > 0) notes.push(`${orphans} aktiviteter stod före första fokusområdet: välj fokusområde för dem.`);
  const noStatus = activities.filter((a) => a.origin === 'table' && a.status === 'unknown').length;
  if (noStatus > 0) notes.push(`Status-kolumnen är tom i ${noStatus} aktivitetstabeller: status är satt till okänd.`);
  const noOne = activities.filter((a) => a.responsible.length === 0).length;
  if (noOne > 0) notes.push(`${noOne} aktiviteter saknar ansvarig: välj polis, kommun eller annan aktör.`);
  const noMeasures = activities.filter((a) => a.origin === 'table' && a.measures.length === 0).length;
  if (noMeasures > 0) notes.push(`I ${noMeasures} aktivitetstabeller gick Åtgärd inte att skilja från Utmaning: kontrollera dem.`);
  const sensitive = focusAreas.filter((f) => f.sensitive).length + activities.filter((a) => a.sensitive).length;
  if (sensitive > 0) notes.push(`${sensitive} fokusområden och aktiviteter föreslås som känsliga (t.ex. brott i nära relation): de får ingen plats på kartan. Kontrollera.`);
  for (const q of input.unquoted) notes.push(`Citatet «${q}» hittades inte ordagrant i texten.`);
  return notes;
}
