import { z } from 'zod';
import { TIMES_OF_DAY } from './layers';
import { SWEDEN_BOUNDS, type SurveyReason } from './surveyAnswer';

/**
 * A citizen's report of a place where they feel unsafe (issue 13, "Tell us where you feel
 * unsafe"): sent from the public site without an account, held in the team server's moderation
 * queue, apart from the team's records, until a planner accepts it as a survey answer of an
 * unsafe place or rejects it. The one schema the public form and the server both check.
 *
 * Messages are codes (REPORT_MESSAGE_CODES) so the server can answer in the language the page
 * asked for (reportMessage); the browser shows the server's text.
 */

/** The fixed list the form offers: a subset of the survey's reasons, so an accepted report is an answer like any other. */
export const CITIZEN_REASONS = ['belysning', 'folksamlingar', 'narkotika', 'skymd sikt', 'klotter', 'nedskräpning', 'trafik', 'annat'] as const satisfies readonly SurveyReason[];
export type CitizenReason = (typeof CITIZEN_REASONS)[number];

export const REPORT_COMMENT_MAX = 1000;
export const REPORT_PLACE_NAME_MAX = 200;

const MESSAGES = {
  'place-missing': { sv: 'Ange en plats: markera den på kartan, använd din position eller skriv platsens namn.', en: 'Give a place: mark it on the map, use your position or type the name of the place.' },
  'municipality-missing': { sv: 'Välj kommun när du bara anger platsens namn.', en: 'Choose the municipality when you give only the name of the place.' },
  'municipality-invalid': { sv: 'Kommunen ska anges med sin fyrsiffriga kommunkod.', en: 'The municipality must be given by its four-digit code.' },
  'place-name-too-long': { sv: `Platsens namn får vara högst ${REPORT_PLACE_NAME_MAX} tecken.`, en: `The name of the place may be at most ${REPORT_PLACE_NAME_MAX} characters.` },
  'position-invalid': { sv: 'Positionen ska vara longitud och latitud i WGS 84.', en: 'The position must be longitude and latitude in WGS 84.' },
  'outside-sweden': { sv: 'Positionen ligger utanför Sverige.', en: 'The position lies outside Sweden.' },
  'time-missing': { sv: 'Välj när på dygnet: dag, kväll eller natt.', en: 'Choose the time of day: day, evening or night.' },
  'reasons-missing': { sv: 'Välj minst ett skäl till att du känner dig otrygg.', en: 'Choose at least one reason why you feel unsafe.' },
  'reason-invalid': { sv: `Skälen väljs ur listan: ${CITIZEN_REASONS.join(', ')}.`, en: 'Reasons are chosen from the list on the form.' },
  'comment-too-long': { sv: `Kommentaren får vara högst ${REPORT_COMMENT_MAX} tecken.`, en: `The comment may be at most ${REPORT_COMMENT_MAX} characters.` },
  'unknown-field': { sv: 'Rapporten har ett fält som formuläret inte har.', en: 'The report has a field the form does not have.' },
  'not-a-report': { sv: 'Rapporten kunde inte läsas.', en: 'The report could not be read.' },
  'too-large': { sv: 'Rapporten är för stor (högst 4 kB).', en: 'The report is too large (at most 4 kB).' },
  'rate-limited': { sv: 'Du har skickat många rapporter på kort tid. Vänta en stund och försök igen.', en: 'You have sent many reports in a short time. Please wait a while and try again.' },
  received: { sv: 'Tack! Din rapport har tagits emot och granskas av kommunen innan den används.', en: 'Thank you! Your report has been received and is reviewed by the municipality before it is used.' },
} as const satisfies Record<string, { sv: string; en: string }>;
export type ReportMessageCode = keyof typeof MESSAGES;
export type ReportLanguage = 'sv' | 'en';

export function reportMessage(code: ReportMessageCode, language: ReportLanguage): string {
  return MESSAGES[code][language];
}

/** A zod issue's message is one of our codes; anything else (a type error zod names itself) reads as "not a report". */
export function reportMessageOf(message: string): ReportMessageCode {
  return message in MESSAGES ? (message as ReportMessageCode) : 'not-a-report';
}

/** The first preferred language of an Accept-Language header that we have; Swedish otherwise. */
export function reportLanguageOf(acceptLanguage: string | undefined): ReportLanguage {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag === 'sv' || tag.startsWith('sv-')) return 'sv';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'sv';
}

const positionSchema = z.object(
  {
    lon: z.number('position-invalid').min(SWEDEN_BOUNDS.west, 'outside-sweden').max(SWEDEN_BOUNDS.east, 'outside-sweden'),
    lat: z.number('position-invalid').min(SWEDEN_BOUNDS.south, 'outside-sweden').max(SWEDEN_BOUNDS.north, 'outside-sweden'),
  },
  'position-invalid',
);

/**
 * Either a position (WGS 84; the bounding box here, the municipality polygons on the server:
 * rules/insideSweden.ts) or a place name with its municipality, or both. Nothing about the
 * reporter: no name, no contact (a strict object refuses any extra field).
 */
export const citizenReportSchema = z
  .strictObject(
    {
      position: positionSchema.nullable().default(null),
      placeName: z.string('place-missing').trim().max(REPORT_PLACE_NAME_MAX, 'place-name-too-long').nullable().default(null).transform((n) => n || null),
      /** The municipality a place name lies in (kommunkod); with a position the server takes the position's. */
      municipalityCode: z.string('municipality-invalid').regex(/^\d{4}$/, 'municipality-invalid').nullable().default(null),
      timeOfDay: z.enum(TIMES_OF_DAY, 'time-missing'),
      reasons: z
        .array(z.enum(CITIZEN_REASONS, 'reason-invalid'), 'reasons-missing')
        .min(1, 'reasons-missing')
        .transform((reasons) => [...new Set(reasons)]),
      comment: z.string('not-a-report').trim().max(REPORT_COMMENT_MAX, 'comment-too-long').nullable().default(null).transform((c) => c || null),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown-field' : 'not-a-report') },
  )
  .refine((r) => r.position !== null || r.placeName !== null, { message: 'place-missing', path: ['placeName'] })
  .refine((r) => r.position !== null || r.placeName === null || r.municipalityCode !== null, { message: 'municipality-missing', path: ['municipalityCode'] });
export type CitizenReport = z.infer<typeof citizenReportSchema>;
export type CitizenReportInput = z.input<typeof citizenReportSchema>;

export const REPORT_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The survey name accepted reports carry as answers (the answer set's only survey). */
export const CITIZEN_REPORT_SURVEY = 'Medborgarrapporter';
