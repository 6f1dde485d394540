import type { Activity } from '../../domain/activity';
import type { Currency } from '../../domain/currency';
import type { Dataset, DatasetIndex } from '../../domain/dataset';
import { isUpcomingWalk } from '../../domain/currency';
import type { Contact } from '../../domain/contact';
import type { PoliceArea } from '../../domain/policeAreas';
import type { PromiseDocument } from '../../domain/promiseDocument';
import type { StatusEntry } from '../../domain/statusEntry';
import { escapeHtml as e, page } from './html';
import type { PublicStrings } from './strings';
import { followStrings } from './followStrings';

/** The text pages of the citizens' site: the list of municipalities and one page per municipality. */
export type MunicipalityList = [string, { name: string; documents: PromiseDocument[] }][];

/** `reportLink`: the link to the report form (reportPage.ts), already HTML; empty in a site built without a server. */
export function indexPage(t: PublicStrings, municipalities: MunicipalityList, today: string, policeAreas: readonly PoliceArea[] = [], reportLink = ''): string {
  const areas = policeAreas.map((a) => `<li><a href="polis/${e(a.id)}.html">${e(a.name)}</a> <span class="muted">${e(a.municipalities.map((m) => m.name).join(', '))}</span></li>`);
  const items = municipalities.map(([code, m]) => `<li><a href="kommun/${e(code)}.html">${e(m.name)}</a> <span class="muted">${e(t.promiseCount(m.documents.length))}</span></li>`);
  return page(t, {
    title: t.siteTitle,
    otherLanguage: t.otherLanguage.path + 'index.html',
    body: `<h1>${e(t.siteTitle)}</h1>
<p>${e(t.intro)}</p>
<p><a href="karta.html">${e(t.map.link)}</a></p>
<p><a href="nara.html">${e(followStrings(t.lang).nearLink)}</a></p>
${reportLink}
<h2>${e(t.municipalitiesHeading)}</h2>
${items.length ? `<ul class="municipalities">${items.join('\n')}</ul>` : `<p>${e(t.noPromises)}</p>`}
${areas.length ? `<h2>${e(t.policeAreasHeading)}</h2>\n<ul class="police-areas">${areas.join('\n')}</ul>` : ''}
<p class="muted">${e(t.builtFrom(t.date(today)))}</p>`,
  });
}

// What holds now first, then what is coming, then what is over, newest first.
const CURRENCY_ORDER: Record<Currency, number> = { current: 0, upcoming: 1, superseded: 2, expired: 2 };

export function municipalityPage(
  t: PublicStrings,
  code: string,
  name: string,
  documents: PromiseDocument[],
  index: DatasetIndex,
  currencyOf: (documentId: string) => Currency,
  dataset: Dataset,
  today: string,
  policeArea?: PoliceArea,
  /** Follow along (feed.ts): the feed link and script for <head>, the "Nytt sedan" section, the link to near me; already HTML. */
  follow?: { head: string; section: string; links: string },
): string {
  const ordered = [...documents].sort((a, b) => CURRENCY_ORDER[currencyOf(a.id)] - CURRENCY_ORDER[currencyOf(b.id)] || b.period.from.localeCompare(a.period.from));
  const promises = ordered.map((document) => promiseSection(t, document, currencyOf(document.id), index));
  const walks = upcomingWalks(dataset, new Set([code]), today);
  const otherPrefix = t.lang === 'sv' ? '../en/' : '../../';
  return page(t, {
    title: t.municipalityTitle(name),
    otherLanguage: `${otherPrefix}kommun/${code}.html`,
    head: follow?.head,
    body: `<p><a href="../index.html">${e(t.backToAll)}</a></p>
<h1>${e(t.municipalityTitle(name))}</h1>
${policeArea ? `<p><a href="../polis/${e(policeArea.id)}.html">${e(t.policeAreaLink(policeArea.name))}</a></p>` : ''}
<p><a href="../karta.html">${e(t.map.link)}</a></p>
${follow?.links ?? ''}
<section aria-labelledby="walks"><h2 id="walks">${e(t.walksHeading)}</h2>
${walksList(t, walks)}
</section>
${contactSection(t, dataset.contacts.find((c) => c.municipality.code === code))}
${follow?.section ?? ''}
${promises.join('\n')}
<p class="muted">${e(t.builtFrom(t.date(today)))}</p>`,
  });
}

export function promiseSection(t: PublicStrings, document: PromiseDocument, currency: Currency, index: DatasetIndex): string {
  const areas = [...index.focusAreas.values()].filter((a) => a.documentId === document.id);
  const areaSections = areas.map((area) => {
    const activities = (index.activityIdsByFocusArea.get(area.id) ?? []).map((id) => index.activities.get(id)).filter((a): a is Activity => a !== undefined);
    return `<section class="area"><h3>${e(t.focusArea)}: ${e(area.title)}</h3>
${area.sensitive ? `<p class="muted">${e(t.sensitiveArea)}</p>` : ''}
${activities.map((a) => activityBlock(t, a, currency, index.statusEntriesByActivity.get(a.id) ?? [])).join('\n')}
</section>`;
  });
  return `<section class="promise" data-currency="${currency}" aria-labelledby="doc-${e(document.id)}">
<h2 id="doc-${e(document.id)}">${e(document.title)}</h2>
<p><strong class="currency currency-${currency}">${e(t.currency[currency])}</strong> · ${e(t.period(t.date(document.period.from), t.date(document.period.to)))} · ${e(t.policeArea(document.policeArea))}</p>
${areaSections.join('\n')}
</section>`;
}

function activityBlock(t: PublicStrings, activity: Activity, currency: Currency, entries: readonly StatusEntry[]): string {
  // The index carries the current status (the latest entry, else the document's).
  const done = activity.status === 'done';
  // A promise that is over (expired, or replaced) never shows its unfinished work as planned or ongoing.
  const statusText = done ? t.status.done : currency === 'expired' ? t.notDoneWhenExpired : currency === 'superseded' ? t.notDoneWhenSuperseded : t.status[activity.status];
  const parties = [...new Set(activity.responsible.map((r) => t.parties[r.party]))].join(', ');
  // Newest first; who wrote an entry is never published.
  const history = [...entries].reverse().map((entry) => `<li><time datetime="${e(entry.date)}">${e(t.date(entry.date))}</time>: ${e(t.status[entry.status])}${entry.note ? ` – ${e(entry.note)}` : ''}</li>`);
  return `<article class="activity" id="a-${e(activity.id)}">
<h4>${e(activity.title)}</h4>
<p><span class="status status-${activity.status}">${e(statusText)}</span> · ${e(t.responsible)}: ${e(parties)}</p>
<p><strong>${e(t.promised)}:</strong> <q>${e(activity.quote)}</q></p>
<p><strong>${e(t.did)}:</strong></p>
${history.length ? `<ul class="history">${history.join('\n')}</ul>` : `<p class="muted">${e(t.nothingReported)}</p>`}
</article>`;
}

export interface PublicWalk {
  id: string;
  date: string;
  /** HH:MM, when the organisers gave it. */
  time: string | null;
  name: string;
  meetingPoint: string | null;
  organisers: string;
  howToJoin: string | null;
  municipalityCode: string;
}

/** The upcoming safety walks in these municipalities, soonest first. A walk serving only sensitive work is not announced: its place and time would point at it. */
export function upcomingWalks(dataset: Dataset, codes: ReadonlySet<string>, today: string): PublicWalk[] {
  const sensitiveActivities = new Set(dataset.activities.filter((a) => a.sensitive).map((a) => a.id));
  const walks: PublicWalk[] = [];
  for (const f of dataset.features) {
    if (f.layer !== 'safety-walk' || !codes.has(f.municipalityCode ?? '') || !isUpcomingWalk(f.details.plannedDate, f.details.status, today)) continue;
    if (f.activityIds.length && f.activityIds.every((id) => sensitiveActivities.has(id))) continue;
    const d = f.details;
    // A planned date may carry a time ("2027-02-10T18:30"); the start time field says it better.
    const time = d.startTime ?? (/T(\d{2}:\d{2})/.exec(d.plannedDate ?? '')?.[1] ?? null);
    walks.push({ id: f.id, date: (d.plannedDate ?? '').slice(0, 10), time, name: f.name, meetingPoint: d.meetingPoint ?? null, organisers: d.organisers.join(', '), howToJoin: d.howToJoin ?? null, municipalityCode: f.municipalityCode ?? '' });
  }
  return walks.sort((a, b) => a.date.localeCompare(b.date));
}

export function walksList(t: PublicStrings, walks: readonly PublicWalk[]): string {
  return walks.length
    ? `<ul class="walks">${walks.map((w) => `<li id="w-${e(w.id)}">${e(t.walk(t.date(w.date), w.name, w.organisers))}${w.time ? ` ${e(t.walkTime(w.time))}` : ''}${w.meetingPoint ? `<br>${e(t.meetingPoint(w.meetingPoint))}` : ''}${w.howToJoin ? `<br>${e(w.howToJoin)}` : ''}</li>`).join('\n')}</ul><p>${e(t.howToJoin)}</p>`
    : `<p>${e(t.noWalks)}</p>`;
}

/** Whom to contact, as the municipality's planners filled it in; said plainly when they have not. */
export function contactSection(t: PublicStrings, contact: Contact | undefined): string {
  if (!contact) return `<section aria-labelledby="contact"><h2 id="contact">${e(t.contactHeading)}</h2>\n<p>${e(t.noContact)}</p>\n</section>`;
  const rows = [
    `<dt>${e(t.contactWho)}</dt><dd>${e(contact.organisation)}</dd>`,
    contact.email ? `<dt>${e(t.contactEmail)}</dt><dd><a href="mailto:${e(contact.email)}">${e(contact.email)}</a></dd>` : '',
    contact.phone ? `<dt>${e(t.contactPhone)}</dt><dd><a href="tel:${e(contact.phone.replace(/[^+0-9]/g, ''))}">${e(contact.phone)}</a></dd>` : '',
    // The schema admits only http(s) addresses, so a link can never run script.
    contact.web ? `<dt>${e(t.contactWeb)}</dt><dd><a href="${e(contact.web)}">${e(contact.web)}</a></dd>` : '',
    contact.note ? `<dt>${e(t.contactWhen)}</dt><dd>${e(contact.note)}</dd>` : '',
  ].filter(Boolean);
  return `<section aria-labelledby="contact"><h2 id="contact">${e(t.contactHeading)}</h2>\n<dl class="contact">${rows.join('\n')}</dl>\n<p class="muted">${e(t.emergency)}</p>\n</section>`;
}
