import { CITIZEN_REASONS, REPORT_COMMENT_MAX, REPORT_PLACE_NAME_MAX, type CitizenReason } from '../../domain/citizenReport';
import { TIMES_OF_DAY, type TimeOfDay } from '../../domain/layers';
import { escapeHtml as e, page } from './html';
import type { MunicipalityList } from './pages';
import type { PublicStrings } from './strings';

/** The report form's own words, beside the page (kept out of strings.ts: only sites built with a server have it). */
export interface ReportStrings {
  link: string;
  title: string;
  intro: string;
  placeLegend: string;
  placeName: string;
  placeHint: string;
  municipality: string;
  municipalityNone: string;
  usePosition: string;
  timeLegend: string;
  times: Record<TimeOfDay, string>;
  reasonsLegend: string;
  reasons: Record<CitizenReason, string>;
  comment: string;
  commentHint: string;
  send: string;
  noScript: string;
  /** Shown by the script. */
  sending: string;
  positionUsed: string;
  positionFromMap: string;
  positionFailed: string;
  networkFailed: string;
}

export const REPORT_SV: ReportStrings = {
  link: 'Berätta var du känner dig otrygg',
  title: 'Berätta var du känner dig otrygg',
  intro: 'Din rapport går till kommunen och granskas innan den används. Den publiceras aldrig ensam: bara som en del av antal i ett större område. Skriv inte ditt namn eller andra personuppgifter. Vid brott eller fara: ring 112.',
  placeLegend: 'Plats',
  placeName: 'Platsens namn',
  placeHint: 'Till exempel en gata, en hållplats eller ett torg.',
  municipality: 'Kommun',
  municipalityNone: 'Välj kommun',
  usePosition: 'Använd min position',
  timeLegend: 'När på dygnet känner du dig otrygg där?',
  times: { dag: 'Dag', kvall: 'Kväll', natt: 'Natt' },
  reasonsLegend: 'Varför känner du dig otrygg? Välj minst ett skäl.',
  reasons: { belysning: 'Dålig belysning', folksamlingar: 'Folksamlingar', narkotika: 'Narkotika', 'skymd sikt': 'Skymd sikt', klotter: 'Klotter', nedskräpning: 'Nedskräpning', trafik: 'Trafik', annat: 'Annat' },
  comment: 'Kommentar (frivillig)',
  commentHint: `Högst ${REPORT_COMMENT_MAX} tecken. Bara kommunens handläggare läser den.`,
  send: 'Skicka rapporten',
  noScript: 'Formuläret behöver JavaScript. Kontakta kommunen direkt via kommunens sida.',
  sending: 'Skickar …',
  positionUsed: 'Din position används för rapporten.',
  positionFromMap: 'Platsen du klickade på i kartan används för rapporten.',
  positionFailed: 'Positionen kunde inte hämtas. Skriv platsens namn och välj kommun i stället.',
  networkFailed: 'Rapporten kunde inte skickas. Kontrollera anslutningen och försök igen.',
};

export const REPORT_EN: ReportStrings = {
  link: 'Tell us where you feel unsafe',
  title: 'Tell us where you feel unsafe',
  intro: 'Your report goes to the municipality and is reviewed before it is used. It is never published on its own: only as part of a count over a larger area. Do not write your name or other personal details. In case of crime or danger: call 112.',
  placeLegend: 'Place',
  placeName: 'Name of the place',
  placeHint: 'For example a street, a bus stop or a square.',
  municipality: 'Municipality',
  municipalityNone: 'Choose a municipality',
  usePosition: 'Use my position',
  timeLegend: 'At what time of day do you feel unsafe there?',
  times: { dag: 'Day', kvall: 'Evening', natt: 'Night' },
  reasonsLegend: 'Why do you feel unsafe? Choose at least one reason.',
  reasons: { belysning: 'Poor lighting', folksamlingar: 'Crowds', narkotika: 'Drugs', 'skymd sikt': 'Obstructed view', klotter: 'Graffiti', nedskräpning: 'Litter', trafik: 'Traffic', annat: 'Other' },
  comment: 'Comment (optional)',
  commentHint: `At most ${REPORT_COMMENT_MAX} characters. Only the municipality's officers read it.`,
  send: 'Send the report',
  noScript: 'The form needs JavaScript. Contact the municipality directly through its page.',
  sending: 'Sending …',
  positionUsed: 'Your position is used for the report.',
  positionFromMap: 'The place you clicked on the map is used for the report.',
  positionFailed: 'Your position could not be found. Type the name of the place and choose the municipality instead.',
  networkFailed: 'The report could not be sent. Check the connection and try again.',
};

export const reportStrings = (lang: string): ReportStrings => (lang === 'en' ? REPORT_EN : REPORT_SV);

/**
 * rapportera.html: the citizens' report form (issue 13, done-means 8), only in a site built with
 * a server (PublicSiteOptions.reportUrl). A plain form; its script (src/public/report.entry.ts)
 * shows it, checks it with the same schema as the server and posts it as JSON.
 */
export function reportPage(t: PublicStrings, municipalities: MunicipalityList, reportUrl: string, script: string | undefined, root: string): string {
  const r = reportStrings(t.lang);
  const options = municipalities.map(([code, m]) => `<option value="${e(code)}">${e(m.name)}</option>`).join('');
  const times = TIMES_OF_DAY.map((time) => `<label><input type="radio" name="timeOfDay" value="${time}"> ${e(r.times[time])}</label>`).join('<br>\n');
  const reasons = CITIZEN_REASONS.map((reason) => `<label><input type="checkbox" name="reasons" value="${e(reason)}"> ${e(r.reasons[reason])}</label>`).join('<br>\n');
  const endpoint = `${reportUrl.replace(/\/+$/, '')}/api/public/reports`;
  return page(t, {
    title: r.title,
    otherLanguage: `${t.lang === 'sv' ? 'en/' : '../'}rapportera.html`,
    head: script ? `<script type="module" src="${e(root + script)}"></script>` : '',
    body: `<p><a href="index.html">${e(t.backToAll)}</a></p>
<h1>${e(r.title)}</h1>
<p>${e(r.intro)}</p>
<form id="report-form" hidden novalidate data-endpoint="${e(endpoint)}" data-lang="${t.lang}">
<fieldset id="report-place"><legend>${e(r.placeLegend)}</legend>
<p><label for="report-place-name">${e(r.placeName)}</label><br>
<input id="report-place-name" name="placeName" type="text" maxlength="${REPORT_PLACE_NAME_MAX}" autocomplete="off" aria-describedby="report-place-hint"></p>
<p id="report-place-hint" class="muted">${e(r.placeHint)}</p>
<p><label for="report-municipality">${e(r.municipality)}</label><br>
<select id="report-municipality" name="municipalityCode"><option value="">${e(r.municipalityNone)}</option>${options}</select></p>
<p><button type="button" id="report-position">${e(r.usePosition)}</button> <span id="report-position-status" role="status" aria-live="polite"></span></p>
</fieldset>
<fieldset id="report-time"><legend>${e(r.timeLegend)}</legend>
${times}
</fieldset>
<fieldset id="report-reasons"><legend>${e(r.reasonsLegend)}</legend>
${reasons}
</fieldset>
<p><label for="report-comment">${e(r.comment)}</label><br>
<textarea id="report-comment" name="comment" rows="4" cols="40" maxlength="${REPORT_COMMENT_MAX}" aria-describedby="report-comment-hint"></textarea></p>
<p id="report-comment-hint" class="muted">${e(r.commentHint)}</p>
<p><button type="submit">${e(r.send)}</button></p>
</form>
<div id="report-message" role="alert" aria-live="assertive"></div>
<noscript><p>${e(r.noScript)}</p></noscript>`,
  });
}
