import type { PublicStatus } from '../../analysis/publicNear';

/**
 * The citizens' site's "follow along" and "near me" texts (issue 13), both languages. Shared by the
 * pages (built in Node) and their scripts (src/public/since.entry.ts, near.entry.ts), so it stays
 * free of imports that would weigh on a text page.
 */
export interface FollowStrings {
  lang: 'sv' | 'en';
  date(iso: string): string;
  // Atom feed
  feedTitle(municipality: string): string;
  feedSubtitle: string;
  feedAuthor(municipality: string): string;
  feedLink: string;
  statusEntryTitle(activity: string, status: string): string;
  walkEntryTitle(date: string, name: string): string;
  inPromise(title: string): string;
  // "Nytt sedan"
  sinceHeading: string;
  sinceIntro: string;
  sinceLabel: string;
  sinceNothing: string;
  sinceAll(n: number): string;
  sinceCount(n: number, date: string): string;
  sinceLastVisit(date: string): string;
  sinceWalk: string;
  // Near me
  nearLink: string;
  nearTitle: string;
  nearIntro: string;
  nearSearchLabel: string;
  nearSearchHint: string;
  nearRadiusLabel: string;
  nearSearch: string;
  nearPosition: string;
  nearNoScript: string;
  nearResultsHeading: string;
  nearBeyondHeading: string;
  nearChoose: string;
  nearEmptyQuery: string;
  nearNoPlace(query: string): string;
  nearOnline: string;
  nearOnlineFailed(query: string): string;
  nearFound(n: number, radius: string, place: string): string;
  nearMunicipality(n: number, name: string): string;
  nearMunicipalityEmpty(name: string): string;
  nearNoneWithin(radius: string, place: string): string;
  nearLargerRadius(radius: string): string;
  nearLargestChosen: string;
  nearMunicipalityPage(name: string): string;
  nearAllMunicipalities: string;
  nearYourPosition: string;
  nearChosenPoint: string;
  nearLocating: string;
  nearPositionDenied: string;
  nearPositionUnavailable: string;
  nearPositionTimeout: string;
  nearPositionUnsupported: string;
  nearLoadFailed: string;
  nearKinds: Record<'walk' | 'watch-area' | 'speed-control' | 'place' | 'municipality' | 'locality', string>;
  nearDistance(distance: string): string;
  nearWalkWhen(date: string, time: string | null): string;
  nearMeetingPoint(place: string): string;
  nearLatest(date: string): string;
  nearNoEntry: string;
  status: Record<PublicStatus, string>;
}

const formatDate = (locale: string) => {
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return (iso: string) => {
    const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
};

export const FOLLOW_SV: FollowStrings = {
  lang: 'sv',
  date: formatDate('sv-SE'),
  feedTitle: (m) => `${m}: nytt om löftena för tryggheten`,
  feedSubtitle: 'Ändrad status för polisens och kommunens aktiviteter och nya trygghetsvandringar.',
  feedAuthor: (m) => `Polisen och ${m}`,
  feedLink: 'Följ nyheterna som flöde (Atom)',
  statusEntryTitle: (activity, status) => `${activity}: ${status}`,
  walkEntryTitle: (date, name) => `Trygghetsvandring ${date}: ${name}`,
  inPromise: (title) => `Ur löftet: ${title}`,
  sinceHeading: 'Nytt sedan…',
  sinceIntro: 'Det senaste som hänt, nyast först: ändrad status och kommande trygghetsvandringar.',
  sinceLabel: 'Visa det som är nytt sedan',
  sinceNothing: 'Inget nytt att visa än.',
  sinceAll: (n) => (n === 1 ? 'Visar 1 händelse.' : `Visar alla ${n} händelser.`),
  sinceCount: (n, date) => (n === 0 ? `Inget nytt sedan ${date}.` : n === 1 ? `1 nyhet sedan ${date}.` : `${n} nyheter sedan ${date}.`),
  sinceLastVisit: (date) => `Ditt förra besök: ${date}.`,
  sinceWalk: 'Trygghetsvandring',
  nearLink: 'Vad händer nära mig?',
  nearTitle: 'Nära mig: vad polis och kommun gör där du är',
  nearIntro: 'Sök på en ort eller en kommun, eller använd din position, och se trygghetsvandringar, grannsamverkan, hastighetskontroller och andra platser för löftena, närmast först.',
  nearSearchLabel: 'Ort eller kommun',
  nearSearchHint: 'Till exempel Saltsjöbaden, Värmdö eller Nordmaling.',
  nearRadiusLabel: 'Hur långt bort',
  nearSearch: 'Sök',
  nearPosition: 'Använd min position',
  nearNoScript: 'Sökningen behöver JavaScript. Välj din kommun i stället:',
  nearResultsHeading: 'Närmast först',
  nearBeyondHeading: 'Närmast utanför det avståndet',
  nearChoose: 'Vilken menar du?',
  nearEmptyQuery: 'Skriv namnet på en ort eller kommun först.',
  nearOnline: 'sökt på nätet',
  nearOnlineFailed: (q) => `Ingen ort eller kommun heter ”${q}” i vår ortlista, och sökningen på nätet gav inget svar. Prova en närliggande ort eller din kommun, eller välj kommun i listan nedan.`,
  nearNoPlace: (q) => `Ingen ort eller kommun heter ”${q}” i vår ortlista. Prova en närliggande ort eller din kommun, eller välj kommun i listan nedan.`,
  nearFound: (n, radius, place) => (n === 1 ? `1 sak inom ${radius} från ${place}.` : `${n} saker inom ${radius} från ${place}.`),
  nearMunicipality: (n, name) => (n === 1 ? `Hela ${name}: 1 sak, närmast kommunens mitt först.` : `Hela ${name}: ${n} saker, närmast kommunens mitt först.`),
  nearMunicipalityEmpty: (name) => `Vi har inga platser att visa i ${name} än.`,
  nearNoneWithin: (radius, place) => `Inget inom ${radius} från ${place}.`,
  nearLargerRadius: (radius) => `Sök inom ${radius}`,
  nearLargestChosen: 'Det är vårt största avstånd. Här är det närmaste vi har, och kommunens sida med alla löften:',
  nearMunicipalityPage: (name) => `Allt som lovats i ${name}`,
  nearAllMunicipalities: 'Alla kommuner',
  nearYourPosition: 'din position',
  nearChosenPoint: 'platsen du valde på kartan',
  nearLocating: 'Hämtar din position…',
  nearPositionDenied: 'Sidan fick inte använda din position. Du kan tillåta det i webbläsarens inställningar, eller söka på en ort i stället.',
  nearPositionUnavailable: 'Din position gick inte att hitta just nu. Sök på en ort i stället.',
  nearPositionTimeout: 'Det tog för lång tid att hitta din position. Försök igen eller sök på en ort.',
  nearPositionUnsupported: 'Din webbläsare kan inte ge sidan din position. Sök på en ort i stället.',
  nearLoadFailed: 'Uppgifterna kunde inte hämtas. Försök igen om en stund, eller välj kommun i listan.',
  nearKinds: { walk: 'Trygghetsvandring', 'watch-area': 'Grannsamverkan', 'speed-control': 'Hastighetskontroll', place: 'Plats för ett löfte', municipality: 'Kommun', locality: 'Ort' },
  nearDistance: (d) => `${d} bort`,
  nearWalkWhen: (date, time) => `Kommande: ${date}${time ? ` kl. ${time}` : ''}`,
  nearMeetingPoint: (place) => `Samling: ${place}`,
  nearLatest: (date) => `senast rapporterat ${date}`,
  nearNoEntry: 'inget rapporterat än',
  status: { planned: 'Planerad', ongoing: 'Pågår', done: 'Genomförd', unknown: 'Status okänd', notDoneExpired: 'Inte rapporterad som genomförd innan löftet gick ut', notDoneSuperseded: 'Inte rapporterad som genomförd innan löftet ersattes' },
};

export const FOLLOW_EN: FollowStrings = {
  lang: 'en',
  date: formatDate('en-GB'),
  feedTitle: (m) => `${m}: news about the safety promises`,
  feedSubtitle: 'Status changes of the police’s and the municipality’s activities, and new safety walks.',
  feedAuthor: (m) => `The police and ${m}`,
  feedLink: 'Follow the news as a feed (Atom)',
  statusEntryTitle: (activity, status) => `${activity}: ${status}`,
  walkEntryTitle: (date, name) => `Safety walk ${date}: ${name}`,
  inPromise: (title) => `From the promise: ${title}`,
  sinceHeading: 'New since…',
  sinceIntro: 'The latest news, newest first: status changes and upcoming safety walks.',
  sinceLabel: 'Show what is new since',
  sinceNothing: 'Nothing new to show yet.',
  sinceAll: (n) => (n === 1 ? 'Showing 1 item.' : `Showing all ${n} items.`),
  sinceCount: (n, date) => (n === 0 ? `Nothing new since ${date}.` : n === 1 ? `1 new item since ${date}.` : `${n} new items since ${date}.`),
  sinceLastVisit: (date) => `Your last visit: ${date}.`,
  sinceWalk: 'Safety walk',
  nearLink: 'What is happening near me?',
  nearTitle: 'Near me: what the police and the municipality do where you are',
  nearIntro: 'Search for a locality or a municipality, or use your position, and see safety walks, neighbourhood watch, speed checks and other places of the promises, nearest first.',
  nearSearchLabel: 'Locality or municipality',
  nearSearchHint: 'For example Saltsjöbaden, Värmdö or Nordmaling.',
  nearRadiusLabel: 'How far away',
  nearSearch: 'Search',
  nearPosition: 'Use my position',
  nearNoScript: 'The search needs JavaScript. Choose your municipality instead:',
  nearResultsHeading: 'Nearest first',
  nearBeyondHeading: 'Nearest beyond that distance',
  nearChoose: 'Which one do you mean?',
  nearEmptyQuery: 'Type the name of a locality or municipality first.',
  nearOnline: 'searched online',
  nearOnlineFailed: (q) => `No locality or municipality called “${q}” is in our list of places, and the online search gave no answer. Try a nearby locality or your municipality, or choose a municipality below.`,
  nearNoPlace: (q) => `No locality or municipality called “${q}” is in our list of places. Try a nearby locality or your municipality, or choose a municipality below.`,
  nearFound: (n, radius, place) => (n === 1 ? `1 thing within ${radius} of ${place}.` : `${n} things within ${radius} of ${place}.`),
  nearMunicipality: (n, name) => (n === 1 ? `All of ${name}: 1 thing, nearest its centre first.` : `All of ${name}: ${n} things, nearest its centre first.`),
  nearMunicipalityEmpty: (name) => `We have no places to show in ${name} yet.`,
  nearNoneWithin: (radius, place) => `Nothing within ${radius} of ${place}.`,
  nearLargerRadius: (radius) => `Search within ${radius}`,
  nearLargestChosen: 'That is our largest distance. Here is the nearest we have, and the municipality’s page with all its promises:',
  nearMunicipalityPage: (name) => `Everything promised in ${name}`,
  nearAllMunicipalities: 'All municipalities',
  nearYourPosition: 'your position',
  nearChosenPoint: 'the place you chose on the map',
  nearLocating: 'Finding your position…',
  nearPositionDenied: 'The page was not allowed to use your position. You can allow it in your browser’s settings, or search for a locality instead.',
  nearPositionUnavailable: 'Your position could not be found just now. Search for a locality instead.',
  nearPositionTimeout: 'Finding your position took too long. Try again or search for a locality.',
  nearPositionUnsupported: 'Your browser cannot give the page your position. Search for a locality instead.',
  nearLoadFailed: 'The data could not be loaded. Try again in a while, or choose a municipality from the list.',
  nearKinds: { walk: 'Safety walk', 'watch-area': 'Neighbourhood watch', 'speed-control': 'Speed check', place: 'Place of a promise', municipality: 'Municipality', locality: 'Locality' },
  nearDistance: (d) => `${d} away`,
  nearWalkWhen: (date, time) => `Upcoming: ${date}${time ? ` at ${time}` : ''}`,
  nearMeetingPoint: (place) => `Meet at: ${place}`,
  nearLatest: (date) => `last reported ${date}`,
  nearNoEntry: 'nothing reported yet',
  status: { planned: 'Planned', ongoing: 'Ongoing', done: 'Done', unknown: 'Status unknown', notDoneExpired: 'Not reported done before the promise expired', notDoneSuperseded: 'Not reported done before a later promise replaced it' },
};

export const followStrings = (lang: string): FollowStrings => (lang === 'en' ? FOLLOW_EN : FOLLOW_SV);
