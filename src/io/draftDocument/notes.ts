import { enCount, enForm, svCount } from '../../domain/plural';
import { text, type Text } from '../../domain/text';
import type { DraftActivity, DraftDocument, DraftFocusArea } from './types';

export interface NoteInput {
  text: string;
  truncated: boolean;
  document: DraftDocument;
  /** How the period was guessed, when it was (the document's own periodNote is its Swedish words). */
  periodNote: Text | null;
  focusAreas: readonly DraftFocusArea[];
  activities: readonly DraftActivity[];
  signatoriesGuessed: boolean;
  unquoted: readonly string[];
  hasMunicipalityList: boolean;
}

/**
 * What the planner must check or fill in, in the order of the form, in both languages: the
 * review shows them in the UI's language, which the planner may switch while reviewing. Names
 * and quotes from the document stay as the document writes them.
 */
export function draftNotes(input: NoteInput): Text[] {
  const { document: d, focusAreas, activities } = input;
  const notes: Text[] = [];
  if (!/\p{L}{2,}/u.test(input.text)) {
    notes.push(
      text(
        'Texten innehåller inga ord som kunde läsas (är PDF-filen skannad? Då behövs en textversion).',
        'The text contains no words that could be read (is the PDF scanned? Then a text version is needed).',
      ),
    );
    return notes;
  }
  if (input.truncated) notes.push(text('Texten var mycket lång och lästes bara i början.', 'The text was very long and only its beginning was read.'));
  if (!d.title) notes.push(text('Ingen rubrik hittades: skriv dokumentets titel.', 'No title was found: write the document’s title.'));
  if (!d.kind)
    notes.push(
      text(
        'Dokumenttypen (medborgarlöfte, plan för samverkan, samverkansöverenskommelse) framgick inte.',
        'The kind of document (medborgarlöfte, plan för samverkan, samverkansöverenskommelse) was not clear.',
      ),
    );
  if (!d.municipality) notes.push(text('Ingen kommun hittades i texten: välj kommun.', 'No municipality was found in the text: choose the municipality.'));
  else if (!d.municipality.code) {
    const name = d.municipality.name;
    notes.push(
      input.hasMunicipalityList
        ? text(`"${name}" finns inte i kommunlistan: välj kommun.`, `"${name}" is not in the list of municipalities: choose the municipality.`)
        : text(`Kommunkoden för ${name} är inte ifylld: välj kommun.`, `The municipality code of ${name} is not filled in: choose the municipality.`),
    );
  }
  if (!d.policeArea) notes.push(text('Inget lokalpolisområde nämns: fyll i det.', 'No local police area is named: fill it in.'));
  if (!d.period) notes.push(text('Ingen period (år) hittades: fyll i från och till.', 'No period (years) was found: fill in from and to.'));
  else if (input.periodNote) notes.push(input.periodNote);
  if (input.signatoriesGuessed)
    notes.push(
      text(
        'Två namn stod på samma rad under underskrifterna: kontrollera var det ena namnet slutar.',
        'Two names stood on the same line among the signatures: check where the one name ends.',
      ),
    );
  if (focusAreas.length === 0)
    notes.push(
      text(
        'Inga fokusområden hittades: texten har inga rubriker, punktlistor eller aktivitetstabeller som kunde läsas.',
        'No focus areas were found: the text has no headings, bullet lists or activity tables that could be read.',
      ),
    );
  const fromBullets = focusAreas.filter((f) => f.origin === 'bullet').length;
  if (fromBullets > 1)
    notes.push(
      text(
        `${fromBullets} punkter utan egen rubrik blev ett fokusområde var: slå ihop dem som hör ihop och ge dem namn.`,
        `${fromBullets} bullets without a heading of their own became a focus area each: merge those that belong together and name them.`,
      ),
    );
  if (activities.length === 0 && focusAreas.length > 0) notes.push(text('Inga aktiviteter hittades under fokusområdena.', 'No activities were found under the focus areas.'));
  const orphans = activities.filter((a) => a.focusAreaIndex === null).length;
  if (orphans > 0)
    notes.push(
      text(
        `${svCount(orphans, 'aktivitet', 'aktiviteter')} stod före första fokusområdet: välj fokusområde för dem.`,
        `${enCount(orphans, 'activity', 'activities')} stood before the first focus area: choose a focus area for ${enForm(orphans, 'it', 'them')}.`,
      ),
    );
  const noStatus = activities.filter((a) => a.origin === 'table' && a.status === 'unknown').length;
  if (noStatus > 0)
    notes.push(
      text(
        `Status-kolumnen är tom i ${svCount(noStatus, 'aktivitetstabell', 'aktivitetstabeller')}: status är satt till okänd.`,
        `The Status column is empty in ${enCount(noStatus, 'activity table', 'activity tables')}: the status is set to unknown.`,
      ),
    );
  const noOne = activities.filter((a) => a.responsible.length === 0).length;
  if (noOne > 0)
    notes.push(
      text(
        `${svCount(noOne, 'aktivitet', 'aktiviteter')} saknar ansvarig: välj polis, kommun eller annan aktör.`,
        `${enCount(noOne, 'activity has', 'activities have')} no one responsible: choose the police, the municipality or another party.`,
      ),
    );
  const noMeasures = activities.filter((a) => a.origin === 'table' && a.measures.length === 0).length;
  if (noMeasures > 0)
    notes.push(
      text(
        `I ${svCount(noMeasures, 'aktivitetstabell', 'aktivitetstabeller')} gick Åtgärd inte att skilja från Utmaning: kontrollera ${noMeasures === 1 ? 'den' : 'dem'}.`,
        `In ${enCount(noMeasures, 'activity table', 'activity tables')} Åtgärd (measure) could not be told from Utmaning (challenge): check ${enForm(noMeasures, 'it', 'them')}.`,
      ),
    );
  const sensitive = focusAreas.filter((f) => f.sensitive).length + activities.filter((a) => a.sensitive).length;
  if (sensitive > 0)
    notes.push(
      text(
        `${sensitive} fokusområden och aktiviteter föreslås som känsliga (t.ex. brott i nära relation): de får ingen plats på kartan. Kontrollera.`,
        `${sensitive} focus areas and activities are suggested as sensitive (e.g. domestic violence): they get no place on the map. Check.`,
      ),
    );
  for (const q of input.unquoted) notes.push(text(`Citatet «${q}» hittades inte ordagrant i texten.`, `The quote «${q}» was not found word for word in the text.`));
  return notes;
}
