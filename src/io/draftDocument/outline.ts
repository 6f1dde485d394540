import type { LocatedBlock } from './segment';
import { sentencesOf, titleFrom } from './sentences';
import type { DraftOrigin } from './types';

/**
 * Blocks → focus areas with what belongs to each. The documents differ in layout, and this walks
 * the four shapes they take:
 *  - a heading with text, goal and "Aktivitet:" tables or promise sentences under it;
 *  - a heading ending in ":" ("Ökad trygghet och synlighet genom:") with sub-headings as activities;
 *  - a list of areas after a lead such as "Fyra prioriterade områden pekas ut att samverka kring:";
 *  - bullet promises with no heading of their own, each its own focus area.
 * Headings of the document's frame (Syfte, Metod, Situationen idag, Uppföljning, Kontakt) are no
 * focus areas; after a signature or "Kontakt" nothing is.
 */

export type ActivitySeed =
  | { kind: 'table'; block: Extract<LocatedBlock, { kind: 'activity' }> }
  | { kind: 'heading'; title: string; heading: LocatedBlock; body: LocatedBlock[] }
  | { kind: 'bullet'; block: LocatedBlock; text: string };

export interface AreaOutline {
  title: string;
  origin: DraftOrigin;
  /** The block the area was named in (heading, list item or bullet), for its quote when it has no text. */
  source: LocatedBlock;
  body: LocatedBlock[];
  goal: string[];
  seeds: ActivitySeed[];
}

export interface Outline {
  areas: AreaOutline[];
  /** "Aktivitet:" tables before any focus area. */
  orphans: ActivitySeed[];
}

const FRAME =
  /^(?:syfte|bakgrund|metod|inledning|sammanfattning|situationen\b|nuläge|lägesbild|förväntad|effekt|uppföljning|återkoppling|följ med|källor|bilag|underskrift|aktivitetslist|medborgarlöften?$|överenskommelse|samverkan med|om medborgarlöft|vad är|prioriterade (?:samverkans|fokus)?områden|fokusområden$|innehåll|referenser)/iu;
const END = /^(?:kontakt|senast (?:publicerad|uppdaterad|ändrad)|dela sidan|sidansvarig|mer kontaktinformation|publicerad)|\bden \d{1,2} \p{L}+ \d{4}$|lokalpolisområdeschef|polisområdeschef|kommunstyrelsens ordförande|kommunalråd|polismästare/iu;
const GOAL = /^(?:mål|målsättning|mätbara? mål|effektmål)\b/iu;

type Lead = 'areas' | 'sources' | 'activities' | 'promises' | null;

/** What the items after a line ending in ":" are. */
function leadOf(text: string): Lead {
  if (/källor|underlag|metod/iu.test(text)) return 'sources';
  if (/område|fokus|prioriter/iu.test(text)) return 'areas';
  if (/aktivitet|åtgärd|insats/iu.test(text)) return 'activities';
  if (/löfte|lovar|\bska\b|\bskall\b|kommer att|\bvill\b/iu.test(text)) return 'promises';
  return null;
}

const key = (title: string): string => title.toLocaleLowerCase('sv').replace(/[^\p{L}\d]+/gu, ' ').trim();
const display = (norm: string): string => norm.replace(/^[-–—*]\s+/u, '').trim();
const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
const words = (s: string): number => s.split(' ').filter(Boolean).length;

type Mode = 'top' | 'frame' | 'end' | 'promises' | 'area' | 'items' | 'goal';

export function outline(blocks: readonly LocatedBlock[], titleIndex: number | null): Outline {
  const areas: AreaOutline[] = [];
  const orphans: ActivitySeed[] = [];
  let mode: Mode = 'top';
  let lead: Lead = null;
  let current: AreaOutline | null = null;
  let subHeading: Extract<ActivitySeed, { kind: 'heading' }> | null = null;

  const open = (title: string, origin: DraftOrigin, source: LocatedBlock): AreaOutline => {
    // A heading repeating an area listed earlier ("• Platssamverkan" … "Platssamverkan⏎Det …") is that area.
    const known = areas.find((a) => key(a.title) === key(title));
    if (known) {
      if (origin === 'heading') Object.assign(known, { origin, source });
      return known;
    }
    const area: AreaOutline = { title, origin, source, body: [], goal: [], seeds: [] };
    areas.push(area);
    return area;
  };

  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      subHeading = null;
      lead = null;
      const text = block.text;
      if (index === titleIndex) [mode, current] = ['top', null];
      else if (END.test(text)) [mode, current] = ['end', null];
      else if (GOAL.test(text) && current) mode = 'goal';
      else if (FRAME.test(text)) [mode, current] = ['frame', null];
      else if (text.endsWith(':')) {
        lead = leadOf(text);
        if (lead === 'promises' || (lead === 'activities' && !current)) [mode, current, lead] = ['promises', null, null];
        else if (lead === 'areas' || lead === 'sources') [mode, current] = ['frame', null];
        else if (lead === null) {
          current = open(text.replace(/\s*(?:genom|för att|med)?\s*:$/iu, ''), 'heading', block);
          mode = 'items';
        }
      } else if (mode === 'end') {
        // Nothing after the signatures or the contact details is a promise.
      } else if (mode === 'items' && current) {
        subHeading = { kind: 'heading', title: text, heading: block, body: [] };
        current.seeds.push(subHeading);
      } else {
        current = open(text, 'heading', block);
        mode = 'area';
      }
      return;
    }

    if (block.kind === 'activity') {
      if (mode === 'goal') mode = 'area';
      (current ? current.seeds : orphans).push({ kind: 'table', block });
      return;
    }

    if (block.kind === 'paragraph') {
      const endsInColon = block.norm.endsWith(':');
      if (mode === 'goal' && current) current.goal.push(block.norm);
      else if (mode === 'items' && subHeading) subHeading.body.push(block);
      else if ((mode === 'area' || mode === 'items') && current) current.body.push(block);
      if (endsInColon) {
        lead = leadOf(block.norm);
        if (lead === 'promises' && !current) mode = 'promises';
      } else lead = null;
      return;
    }

    // A bullet item.
    const text = display(block.norm);
    if (lead === 'areas' && words(text) <= 14) {
      open(capitalise(text), 'list', block);
    } else if (lead === 'sources' || mode === 'frame' || mode === 'end') {
      // Sources, frame text and contact details are read for the document, not as promises.
    } else if (current && mode === 'goal') {
      current.goal.push(text);
    } else if (current && (mode === 'area' || mode === 'items')) {
      current.seeds.push({ kind: 'bullet', block, text });
    } else if (mode === 'promises' || (mode === 'top' && words(text) >= 12)) {
      // A promise with no heading of its own becomes its own focus area, its sentences the activities.
      const area: AreaOutline = { title: titleFrom(sentencesOf(text)[0] ?? text), origin: 'bullet', source: block, body: [], goal: [], seeds: [{ kind: 'bullet', block, text }] };
      areas.push(area);
    }
  });
  return { areas, orphans };
}
