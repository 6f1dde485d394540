import type { Language } from '../i18n';

/**
 * The contacts part's strings in both languages, loaded with that part only (issue 12: the first
 * JavaScript stays under 500 kB gzip), not with the app's dictionary.
 */
const SV = {
  heading: 'Kontakt för medborgare',
  help: 'Visas på kommunens sida på den publika webbplatsen. Ange en funktion eller enhet, inte en privatpersons egna uppgifter.',
  none: 'Ingen kontakt ifylld: den publika sidan säger då bara att kontakt saknas.',
  edit: (municipality: string) => `Ändra kontakt för ${municipality}`,
  add: (municipality: string) => `Fyll i kontakt för ${municipality}`,
  formTitle: (municipality: string) => `Kontakt för medborgare i ${municipality}`,
  organisation: 'Vem svarar (enhet eller roll)',
  email: 'E-post (valfritt)',
  phone: 'Telefon (valfritt)',
  web: 'Webbsida (valfritt)',
  note: 'När och hur (valfritt)',
  noteHint: 'T.ex. ”Vardagar 9–16. Vid akut fara: ring 112.”',
  needOrganisation: 'Ange vem som svarar: en enhet eller en roll.',
  needOneWay: 'Ange minst ett sätt att nå er: e-post, telefon eller webbsida.',
  badEmail: 'E-postadressen ser inte ut som en e-postadress (namn@exempel.se).',
  badPhone: 'Telefonnumret får bara ha siffror, mellanslag, +, - och parenteser.',
  badWeb: 'Webbadressen ska vara en hel adress som börjar med https://.',
  tooLong: 'En uppgift är för lång.',
  saved: (municipality: string) => `Kontakten för ${municipality} sparades.`,
  label: (municipality: string) => `Kontakt för medborgare i ${municipality}`,
};
export type ContactsStrings = typeof SV;

const EN: ContactsStrings = {
  heading: 'Contact for citizens',
  help: 'Shown on the municipality’s page of the public site. Give a role or a unit, not a private person’s own details.',
  none: 'No contact filled in: the public page then only says that there is none.',
  edit: (municipality) => `Change the contact for ${municipality}`,
  add: (municipality) => `Fill in the contact for ${municipality}`,
  formTitle: (municipality) => `Contact for citizens in ${municipality}`,
  organisation: 'Who answers (unit or role)',
  email: 'Email (optional)',
  phone: 'Phone (optional)',
  web: 'Web page (optional)',
  note: 'When and how (optional)',
  noteHint: 'E.g. “Weekdays 9–16. In an emergency: call 112.”',
  needOrganisation: 'Say who answers: a unit or a role.',
  needOneWay: 'Give at least one way to reach you: email, phone or web page.',
  badEmail: 'The email address does not look like one (name@example.se).',
  badPhone: 'The phone number may only hold digits, spaces, +, - and brackets.',
  badWeb: 'The web address must be a whole address starting with https://.',
  tooLong: 'One of the details is too long.',
  saved: (municipality) => `The contact for ${municipality} was saved.`,
  label: (municipality) => `Contact for citizens in ${municipality}`,
};

export const contactsStrings = (language: Language): ContactsStrings => (language === 'en' ? EN : SV);
