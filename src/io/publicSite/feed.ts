import type { Dataset, DatasetIndex } from '../../domain/dataset';
import type { ActivityStatus } from '../../domain/layers';
import type { FollowStrings } from './followStrings';
import { escapeHtml as e } from './html';
import { upcomingWalks, type PublicWalk } from './pages';
import type { PublicStrings } from './strings';

/** Something new on a municipality's page: a dated status entry, or an upcoming safety walk (dated by its day). Never who wrote it. */
export type FollowEvent =
  | { kind: 'status'; id: string; date: string; activityId: string; activityTitle: string; status: ActivityStatus; note: string | null; documentTitle: string }
  | { kind: 'walk'; id: string; date: string; walk: PublicWalk };

/** The municipality's news, newest first: its documents' status entries and its upcoming walks. */
export function municipalityEvents(dataset: Dataset, index: DatasetIndex, code: string, today: string): FollowEvent[] {
  const documents = new Map(dataset.documents.filter((d) => d.municipality.code === code).map((d) => [d.id, d]));
  const events: FollowEvent[] = [];
  for (const entry of dataset.statusEntries) {
    const document = documents.get(entry.documentId);
    const activity = index.activities.get(entry.activityId);
    if (!document || !activity) continue;
    events.push({ kind: 'status', id: entry.id, date: entry.date, activityId: activity.id, activityTitle: activity.title, status: entry.status, note: entry.note, documentTitle: document.title });
  }
  for (const walk of upcomingWalks(dataset, new Set([code]), today)) events.push({ kind: 'walk', id: walk.id, date: walk.date, walk });
  return events.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** An anchor on the municipality page for the event (pages.ts gives activities and walks these ids). */
export const activityAnchor = (id: string) => `a-${id}`;
export const walkAnchor = (id: string) => `w-${id}`;
const anchorOf = (event: FollowEvent) => (event.kind === 'status' ? activityAnchor(event.activityId) : walkAnchor(event.id));

export function eventTitle(t: PublicStrings, f: FollowStrings, event: FollowEvent): string {
  return event.kind === 'status' ? f.statusEntryTitle(event.activityTitle, t.status[event.status]) : f.walkEntryTitle(f.date(event.date), event.walk.name);
}

// Beside its date in the list, a walk needs no second date, nor a second "Trygghetsvandring".
function listTitle(t: PublicStrings, f: FollowStrings, event: FollowEvent): string {
  if (event.kind === 'status') return eventTitle(t, f, event);
  const name = event.walk.name;
  return name.toLocaleLowerCase(t.lang).startsWith(f.sinceWalk.toLocaleLowerCase(t.lang)) ? name : `${f.sinceWalk}: ${name}`;
}

function eventText(t: PublicStrings, f: FollowStrings, event: FollowEvent): string {
  if (event.kind === 'status') return [event.note, f.inPromise(event.documentTitle)].filter(Boolean).join(' – ');
  const w = event.walk;
  return [w.time ? t.walkTime(w.time) : null, w.meetingPoint ? t.meetingPoint(w.meetingPoint) : null, w.organisers || null, w.howToJoin].filter(Boolean).join('. ');
}

// A day as an instant: noon UTC is the same calendar day in every Swedish and European time zone.
const instant = (date: string) => `${date.slice(0, 10)}T12:00:00Z`;
// RFC 4151 tag URIs from the records' own ids: the same entry keeps its id in every build.
const tag = (lang: string, ...parts: string[]) => `tag:trygghetskartan,2026:${lang}/${parts.map(encodeURIComponent).join('/')}`;

/**
 * kommun/<code>.atom: the municipality's status changes and new walks as an Atom feed (RFC 4287),
 * links relative to the feed, so the site works from any sub-path. The feed's author is the
 * municipality and the police; an entry never names who wrote it.
 */
export function atomFeed(t: PublicStrings, f: FollowStrings, code: string, name: string, events: readonly FollowEvent[], today: string): string {
  const updated = events.length ? instant(events.map((x) => x.date).sort().at(-1)!) : instant(today);
  const entries = events.map(
    (event) => `<entry>
<id>${e(tag(t.lang, event.kind, event.id))}</id>
<title>${e(eventTitle(t, f, event))}</title>
<updated>${instant(event.date)}</updated>
<link rel="alternate" type="text/html" href="${e(`${code}.html#${anchorOf(event)}`)}"/>
<summary>${e(eventText(t, f, event))}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${t.lang}">
<id>${e(tag(t.lang, 'kommun', code))}</id>
<title>${e(f.feedTitle(name))}</title>
<subtitle>${e(f.feedSubtitle)}</subtitle>
<updated>${updated}</updated>
<author><name>${e(f.feedAuthor(name))}</name></author>
<link rel="self" type="application/atom+xml" href="${e(code)}.atom"/>
<link rel="alternate" type="text/html" href="${e(code)}.html"/>
${entries.join('\n')}
</feed>
`;
}

/** The page's "Nytt sedan…" section: every event with its date; the script (since.entry.ts) filters by the chosen day. */
export function sinceSection(t: PublicStrings, f: FollowStrings, code: string, events: readonly FollowEvent[]): string {
  const items = events.map(
    (event) =>
      `<li data-date="${e(event.date)}"><time datetime="${e(event.date)}">${e(f.date(event.date))}</time> – <a href="#${e(anchorOf(event))}">${e(listTitle(t, f, event))}</a>${event.kind === 'status' && event.note ? ` – ${e(event.note)}` : ''}</li>`,
  );
  return `<section aria-labelledby="since" class="since" data-municipality="${e(code)}"><h2 id="since">${e(f.sinceHeading)}</h2>
<p>${e(f.sinceIntro)}</p>
<form class="since-form" hidden><label for="since-date">${e(f.sinceLabel)}</label> <input type="date" id="since-date" name="since"></form>
<p class="since-status" role="status" aria-live="polite"></p>
${items.length ? `<ol class="since-list">${items.join('\n')}</ol>` : `<p>${e(f.sinceNothing)}</p>`}
<p><a href="${e(code)}.atom" type="application/atom+xml">${e(f.feedLink)}</a></p>
</section>`;
}
