import { bulletActivities, headingActivity, sentenceActivities, tableActivities, type ActivityParts } from './activities';
import type { AreaOutline, ActivitySeed } from './outline';
import type { Quoter } from './quoter';
import { looksSensitive, sentencesOf } from './sentences';
import type { DraftFocusArea } from './types';

export function seedActivities(seed: ActivitySeed, quoter: Quoter): ActivityParts[] {
  switch (seed.kind) {
    case 'table':
      return tableActivities(seed.block, quoter);
    case 'heading':
      return [headingActivity(seed.title, seed.heading, seed.body, quoter)];
    case 'bullet':
      return bulletActivities(seed.block, quoter, seed.text);
  }
}

const isRealSentence = (s: string): boolean => /[.!?]$/u.test(s) && s.split(' ').length >= 6;

/**
 * A focus area with its activities, or null when a heading turned out to have nothing under it
 * (a page header, a name above a signature). Explicit activities (tables, sub-headings, bullets)
 * win; only without them do the promise sentences of the area's text become activities.
 */
export function finishArea(area: AreaOutline, quoter: Quoter): { area: DraftFocusArea; activities: ActivityParts[] } | null {
  const explicit = area.seeds.flatMap((seed) => seedActivities(seed, quoter));
  const activities = explicit.length > 0 ? explicit : sentenceActivities(area.body, quoter);
  const sentences = area.body.flatMap((b) => sentencesOf(b.norm));
  const listed = area.origin === 'list' || area.origin === 'bullet';
  if (!listed && activities.length === 0 && !sentences.some(isRealSentence)) return null;

  const firstBody = area.body[0];
  const firstSentence = sentences[0];
  const quote =
    (firstBody && firstSentence && quoter.quote(firstSentence, firstBody.offset)) || quoter.quote(area.source.norm, area.source.offset) || area.title;
  const purpose = firstSentence ?? (area.origin === 'bullet' ? (sentencesOf(area.source.norm.replace(/^[-–—*]\s+/u, ''))[0] ?? null) : null);
  const goal = area.goal.length > 0 ? area.goal.join(' ') : null;
  // The area's own words only: a short quote borrows words from its neighbour ("… nära relation) trafik (Trafik)").
  const own = area.origin === 'list' ? area.title : area.origin === 'bullet' ? area.source.norm : [area.title, goal ?? '', firstBody?.norm ?? ''].join(' ');
  const sensitive = looksSensitive(own);
  return { area: { title: area.title, purpose, goal, sensitive, quote, origin: area.origin }, activities };
}
