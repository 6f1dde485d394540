import type { Text } from '../../domain/text';
import type { ActivityParts } from './activities';
import { finishArea, seedActivities } from './areas';
import { findKind, findMunicipality, findPeriod, findPoliceArea, findSignedDate, findTitle } from './meta';
import { draftNotes } from './notes';
import { outline } from './outline';
import { createQuoter, type Quoter } from './quoter';
import { locateBlocks, segment, type LocatedBlock } from './segment';
import { looksSensitive, sentencesOf } from './sentences';
import { findFollowUp, findSignatories, findSources } from './signatories';
import type { DocumentDraft, DraftActivity, DraftDocument, DraftFocusArea, DraftMeta } from './types';

/** Longer texts are cut here: a medborgarlöfte is a few pages, and the drafter is not built for books. */
export const MAX_DRAFT_CHARS = 1_000_000;

/**
 * A pasted or uploaded medborgarlöfte → a draft of the document, its focus areas and activities,
 * each with a quote cut from the text. Pure and total: empty or unreadable text gives an empty
 * draft whose notes say so, never an exception.
 */
export function draftFromText(text: string, meta: DraftMeta): DocumentDraft {
  const truncated = text.length > MAX_DRAFT_CHARS;
  const source = truncated ? text.slice(0, MAX_DRAFT_CHARS) : text;
  const quoter = createQuoter(source);
  const blocks = locateBlocks(segment(source), quoter.locate);
  const title = findTitle(blocks);
  const { areas, orphans } = outline(blocks, title?.named ? title.index : null);

  const focusAreas: DraftFocusArea[] = [];
  const activities: DraftActivity[] = [];
  for (const outlined of areas) {
    const finished = finishArea(outlined, quoter);
    if (!finished) continue;
    const focusAreaIndex = focusAreas.length;
    const areaSensitive = finished.area.sensitive;
    focusAreas.push(finished.area);
    // Every activity in a sensitive area is sensitive too (the domain's inheritance rule).
    for (const a of finished.activities) activities.push({ ...a, focusAreaIndex, sensitive: activitySensitive(a) || areaSensitive });
  }
  for (const seed of orphans) {
    for (const a of seedActivities(seed, quoter)) activities.push({ ...a, focusAreaIndex: null, sensitive: activitySensitive(a) });
  }

  const { document, signatoriesGuessed, periodNote } = draftDocument(source, blocks, title, quoter, meta);
  const unquoted = [document.quote, ...focusAreas.map((f) => f.quote), ...activities.map((a) => a.quote)].filter(
    (q): q is string => q !== null && !quoter.isVerbatim(q),
  );
  const notes = draftNotes({ text: source, truncated, document, periodNote, focusAreas, activities, signatoriesGuessed, unquoted, hasMunicipalityList: !!meta.municipalities });
  return { document, focusAreas, activities, notes };
}

/** Its own words, not its quote, which may reach into the next activity. */
const activitySensitive = (a: ActivityParts): boolean => looksSensitive([a.title, a.challenge ?? '', ...a.measures].join(' '));

function draftDocument(
  source: string,
  blocks: readonly LocatedBlock[],
  title: { title: string; index: number; named: boolean } | null,
  quoter: Quoter,
  meta: DraftMeta,
): { document: DraftDocument; signatoriesGuessed: boolean; periodNote: Text | null } {
  const text = quoter.normalised;
  const heading = title?.title ?? null;
  const signedDate = findSignedDate(text);
  const { period, note } = findPeriod(heading, text, signedDate);
  const { signatories, guessed } = findSignatories(source);
  const prose = blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'bullet');
  const document: DraftDocument = {
    kind: findKind(heading, text),
    title: heading,
    municipality: findMunicipality(text, heading, meta.municipalities),
    policeArea: findPoliceArea(text),
    period,
    // The record's note is data, in the document's own language (Swedish); the draft's notes list says it in the UI's.
    periodNote: note?.sv ?? null,
    signedDate,
    signatories,
    sources: findSources(text),
    followUp: findFollowUp(prose.flatMap((b) => sentencesOf(b.norm))),
    sourceFile: meta.sourceFile,
    quote: documentQuote(prose, title, quoter),
  };
  return { document, signatoriesGuessed: guessed, periodNote: note };
}

/** The first sentence after the title that says what the document is, else the first sentence, else the title. */
function documentQuote(prose: readonly LocatedBlock[], title: { title: string; index: number; named: boolean } | null, quoter: Quoter): string | null {
  const early = prose.slice(0, 3).flatMap((b) => sentencesOf(b.norm).map((s) => ({ s, at: b.offset })));
  const named = early.find(({ s }) => /medborgarlöfte|plan för samverkan|överenskommelse|samverkan/iu.test(s) && s.split(' ').length >= 5) ?? early[0];
  if (named) return quoter.quote(named.s, named.at);
  return title ? quoter.quote(title.title) : null;
}
