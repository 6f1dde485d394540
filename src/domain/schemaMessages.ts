import { text, type Text } from './text';

/**
 * The record schemas' own refusals in both languages. A zod message must be a single string, and
 * the team server sends it as it is (its answers keep their shape), so the schemas say the Swedish
 * one and `schemaMessageText` finds the pair again wherever a message is shown to a user.
 */
export const SCHEMA_MESSAGES = {
  offEarth: text('koordinaten ligger utanför jordens lon/lat-intervall', 'the coordinate lies outside the earth’s longitude/latitude range'),
  shortLine: text('en linje behöver minst två punkter', 'a line needs at least two points'),
  shortRing: text('en polygonring behöver minst fyra punkter', 'a polygon ring needs at least four points'),
  openRing: text('polygonringen är inte sluten', 'the polygon ring is not closed'),
  geometryNotForLayer: text('geometritypen passar inte lagret', 'the geometry type does not fit the layer'),
  periodBackwards: text('perioden slutar före den börjar', 'the period ends before it begins'),
  contactWeb: text('webbadressen ska börja med https://', 'the web address must begin with https://'),
  contactId: text('kontaktens id ska vara contact-<kommunkod>', 'the contact’s id must be contact-<municipality code>'),
  contactOneWay: text('ange minst ett sätt att nå er: e-post, telefon eller webb', 'give at least one way to reach you: email, phone or web'),
  contactIdForm: text('kontaktens id är contact-<kommunkod>', 'the contact’s id is contact-<municipality code>'),
  contactOrganisation: text('ange vem som svarar (enhet eller roll)', 'say who answers (a unit or a role)'),
  contactEmail: text('e-postadressen ser inte ut som en e-postadress', 'the email address does not look like an email address'),
  placeNeedsActivity: text('en plats måste höra till minst en aktivitet', 'a place must belong to at least one activity'),
  findingOffEarth: text('iakttagelsens position ligger utanför lon/lat-intervallet', 'the finding’s position lies outside the longitude/latitude range'),
  findingNeedsText: text('en iakttagelse behöver en text', 'a finding needs a text'),
  forbiddenAttribute: text('otillåtet egenskapsnamn', 'forbidden property name'),
  statusNoteTooLong: text('anteckningen får vara högst 2000 tecken', 'the note may be at most 2000 characters'),
} as const satisfies Record<string, Text>;

const BY_SWEDISH = new Map<string, Text>(Object.values(SCHEMA_MESSAGES).map((t) => [t.sv, t]));

/** A zod issue's message in both languages: ours by their Swedish wording, zod's own (English) named as such. */
export function schemaMessageText(message: string): Text {
  return BY_SWEDISH.get(message) ?? text(`ogiltigt värde (${message})`, `invalid value (${message})`);
}
