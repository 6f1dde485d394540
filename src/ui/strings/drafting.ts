import { useI18n } from '../i18n';
import { enCount, svCount } from './plural';

/**
 * The drafting flow's strings (a new document from its text) in both languages, loaded with that
 * flow and the promise tree only: the first JavaScript stays under 500 kB gzip (issue 12).
 */
const SV = {
  open: 'Nytt dokument ur text eller PDF',
  title: 'Nytt dokument ur dess text',
  intro: 'Klistra in texten till ett medborgarlöfte eller välj filen (text eller PDF). Appen föreslår dokumentet, fokusområdena och aktiviteterna med citat ur texten. Du granskar och bekräftar varje del innan något sparas.',
  file: 'Fil (text eller PDF)',
  paste: 'Eller klistra in texten',
  pastedSource: 'Källa för den inklistrade texten (fil eller adress)',
  pastedName: 'inklistrad text',
  makeDraft: 'Gör ett utkast',
  reading: 'Läser filen…',
  empty: 'Det finns ingen text att läsa.',
  noTextInPdf: 'PDF-filen har ingen text (den kan vara skannad). Klistra in texten i stället.',
  tooLarge: 'Filen är för stor: högst 30 MB.',
  unreadable: (reason: string) => `Filen kunde inte läsas: ${reason}`,
  notesTitle: 'Om utkastet:',
  step: (n: number, name: string) => `Steg ${n} av 3: ${name}`,
  stepDocument: 'dokumentet',
  stepAreas: 'fokusområdena',
  stepActivities: 'aktiviteterna',
  areasTitle: (n: number) => `Utkastet fann ${svCount(n, 'fokusområde', 'fokusområden')}`,
  activitiesTitle: (n: number) => `Utkastet fann ${svCount(n, 'aktivitet', 'aktiviteter')}`,
  include: 'Ta med',
  chooseArea: 'Välj fokusområde',
  back: 'Tillbaka',
  confirmAreas: 'Bekräfta fokusområdena',
  needOneArea: 'Ta med minst ett fokusområde.',
  fixMarked: 'Rätta de markerade delarna eller lämna dem utanför.',
  saveAll: (areas: number, activities: number) =>
    `Spara dokumentet med ${svCount(areas, 'fokusområde', 'fokusområden')} och ${svCount(activities, 'aktivitet', 'aktiviteter')}`,
  label: (title: string) => `lägg till dokumentet ${title} ur dess text`,
  problems: {
    title: 'Ange ett namn.',
    'quote-missing': 'Ange citatet ur texten.',
    'quote-not-in-text': 'Citatet finns inte ordagrant i texten.',
    area: 'Välj ett fokusområde som tas med.',
    responsible: 'Välj minst en ansvarig.',
  } as Record<'title' | 'quote-missing' | 'quote-not-in-text' | 'area' | 'responsible', string>,
};

export type DraftingStrings = typeof SV;

const EN: DraftingStrings = {
  open: 'New document from its text or PDF',
  title: 'New document from its text',
  intro: 'Paste the text of a citizen promise or choose its file (text or PDF). The app suggests the document, its focus areas and activities with quotes from the text. You review and confirm each part before anything is saved.',
  file: 'File (text or PDF)',
  paste: 'Or paste the text',
  pastedSource: 'Source of the pasted text (file or address)',
  pastedName: 'pasted text',
  makeDraft: 'Make a draft',
  reading: 'Reading the file…',
  empty: 'There is no text to read.',
  noTextInPdf: 'The PDF has no text (it may be scanned). Paste the text instead.',
  tooLarge: 'The file is too large: 30 MB at most.',
  unreadable: (reason) => `The file could not be read: ${reason}`,
  notesTitle: 'About the draft (in Swedish, like the text):',
  step: (n, name) => `Step ${n} of 3: ${name}`,
  stepDocument: 'the document',
  stepAreas: 'the focus areas',
  stepActivities: 'the activities',
  areasTitle: (n) => `The draft found ${enCount(n, 'focus area', 'focus areas')}`,
  activitiesTitle: (n) => `The draft found ${enCount(n, 'activity', 'activities')}`,
  include: 'Include',
  chooseArea: 'Choose a focus area',
  back: 'Back',
  confirmAreas: 'Confirm the focus areas',
  needOneArea: 'Include at least one focus area.',
  fixMarked: 'Correct the marked parts or leave them out.',
  saveAll: (areas, activities) => `Save the document with ${enCount(areas, 'focus area', 'focus areas')} and ${enCount(activities, 'activity', 'activities')}`,
  label: (title) => `add the document ${title} from its text`,
  problems: {
    title: 'Enter a name.',
    'quote-missing': 'Enter the quote from the text.',
    'quote-not-in-text': 'The quote is not in the text word for word.',
    area: 'Choose a focus area that is included.',
    responsible: 'Choose at least one responsible party.',
  },
};

/** The drafting strings in the page's language (they switch with it, as the dictionary does). */
export function useDraftingStrings(): DraftingStrings {
  return useI18n().language === 'en' ? EN : SV;
}
