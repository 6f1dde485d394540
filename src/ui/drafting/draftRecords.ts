import type { Activity, ResponsibleParty } from '../../domain/activity';
import type { ChangeSet } from '../../domain/changes';
import type { FocusArea } from '../../domain/focusArea';
import type { ActivityStatus } from '../../domain/layers';
import type { PromiseDocument } from '../../domain/promiseDocument';
import { quoteOccursIn } from '../../domain/quote';
import type { DocumentDraft } from '../../io/draftDocument/types';
import { lookupOf } from '../../domain/rules/lookup';
import { isSensitiveActivity } from '../../domain/rules/sensitivePlace';

/** A draft focus area as the planner reviews it. */
export interface AreaChoice {
  include: boolean;
  title: string;
  purpose: string;
  goal: string;
  sensitive: boolean;
  quote: string;
}

/** A draft activity as the planner reviews it; `area` indexes the areas (null: none chosen yet). */
export interface ActivityChoice {
  include: boolean;
  title: string;
  challenge: string;
  measures: string[];
  /** As the text gives it: one party may appear with two units (kommun: Brå and valadministration). */
  responsible: { party: ResponsibleParty; unit: string | null }[];
  status: ActivityStatus;
  sensitive: boolean;
  area: number | null;
  quote: string;
  target: string | null;
}

export function areaChoices(draft: DocumentDraft): AreaChoice[] {
  return draft.focusAreas.map((a) => ({ include: true, title: a.title, purpose: a.purpose ?? '', goal: a.goal ?? '', sensitive: a.sensitive, quote: a.quote }));
}

export function activityChoices(draft: DocumentDraft): ActivityChoice[] {
  return draft.activities.map((a) => ({
    include: true,
    title: a.title,
    challenge: a.challenge ?? '',
    measures: a.measures,
    responsible: a.responsible,
    status: a.status,
    sensitive: a.sensitive,
    area: a.focusAreaIndex,
    quote: a.quote,
    target: a.target,
  }));
}

/** What is wrong with an included part, as keys the UI words: the quote check is the shipped data's. */
export type ChoiceProblem = 'title' | 'quote-missing' | 'quote-not-in-text' | 'area' | 'responsible';

export function areaProblems(area: AreaChoice, text: string): ChoiceProblem[] {
  if (!area.include) return [];
  const problems: ChoiceProblem[] = [];
  if (!area.title.trim()) problems.push('title');
  if (!area.quote.trim()) problems.push('quote-missing');
  else if (!quoteOccursIn(area.quote, text)) problems.push('quote-not-in-text');
  return problems;
}

export function activityProblems(activity: ActivityChoice, areas: readonly AreaChoice[], text: string): ChoiceProblem[] {
  if (!activity.include) return [];
  const problems: ChoiceProblem[] = [];
  if (!activity.title.trim()) problems.push('title');
  if (activity.area === null || !areas[activity.area]?.include) problems.push('area');
  if (!activity.responsible.length) problems.push('responsible');
  if (!activity.quote.trim()) problems.push('quote-missing');
  else if (!quoteOccursIn(activity.quote, text)) problems.push('quote-not-in-text');
  return problems;
}

/**
 * The confirmed draft as one change set: the document, its included focus areas and activities
 * with fresh ids, linked. An activity in a sensitive focus area is sensitive (the domain's rule).
 */
export function draftChange(label: string, document: PromiseDocument, areas: readonly AreaChoice[], activities: readonly ActivityChoice[], newId: () => string): ChangeSet {
  const areaIds = areas.map(() => `${document.id}-f-${newId()}`);
  const focusAreas: FocusArea[] = areas.flatMap((a, i) =>
    a.include ? [{ id: areaIds[i]!, documentId: document.id, title: a.title.trim(), purpose: a.purpose.trim() || null, goal: a.goal.trim() || null, sensitive: a.sensitive, quote: a.quote.trim() }] : [],
  );
  const byId = new Map(focusAreas.map((f) => [f.id, f]));
  const lookup = lookupOf({ documents: new Map([[document.id, document]]), focusAreas: byId, activities: new Map() });
  const records: Activity[] = activities.flatMap((a) => {
    if (!a.include || a.area === null || !areas[a.area]?.include) return [];
    const record: Activity = {
        id: `${document.id}-a-${newId()}`,
        documentId: document.id,
        focusAreaId: areaIds[a.area]!,
        title: a.title.trim(),
        challenge: a.challenge.trim() || null,
        measures: a.measures,
        responsible: a.responsible,
        status: a.status,
        target: a.target,
        sensitive: a.sensitive,
        quote: a.quote.trim(),
    };
    // The domain's inheritance rule decides: an activity in a sensitive focus area is sensitive.
    return [{ ...record, sensitive: isSensitiveActivity(record, lookup) }];
  });
  return { label, put: { documents: [document], focusAreas, activities: records }, delete: {} };
}
