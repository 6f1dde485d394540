import type { Activity } from '../../domain/activity';
import type { Text } from '../../domain/text';
import type { FocusArea } from '../../domain/focusArea';
import type { Municipality, PromiseDocument } from '../../domain/promiseDocument';

/**
 * A draft read from a pasted or uploaded medborgarlöfte. It is the shape of the records in
 * src/domain without their ids: the planner reviews it, fills what is null and saves it through the
 * write door, which then checks it like any other record. Nothing here is trusted as data yet.
 */

/** What the drafter could not find is null (or empty), never invented. */
export type DraftDocument = Omit<PromiseDocument, 'id' | 'kind' | 'title' | 'municipality' | 'policeArea' | 'period' | 'quote'> & {
  kind: PromiseDocument['kind'] | null;
  title: string | null;
  /** The name as the text gives it; the code only when a municipality list was passed and the name is in it. */
  municipality: { name: string; code: string | null } | null;
  policeArea: string | null;
  period: PromiseDocument['period'] | null;
  quote: string | null;
};

/** Where in the text a focus area or activity was found: the planner sees why the draft has it. */
export type DraftOrigin =
  | 'heading' // a heading with text under it
  | 'list' // an item of a list of areas ("Fyra prioriterade områden …:")
  | 'bullet' // a bullet promise without a heading above it
  | 'table' // an "Aktivitet:" table row (Utmaning / Åtgärd / Ansvarig / Status)
  | 'sentence'; // a sentence with a promise in it ("Polisen och kommunen ska …")

export type DraftFocusArea = Omit<FocusArea, 'id' | 'documentId'> & { origin: DraftOrigin };

/**
 * `focusAreaIndex` points into DocumentDraft.focusAreas (null: the text put it under none).
 * `responsible` may be empty, which the saved record does not allow: the planner must choose.
 * `sensitive` is a suggestion from words such as "brott i nära relation"; the domain rules decide.
 */
export type DraftActivity = Omit<Activity, 'id' | 'documentId' | 'focusAreaId'> & {
  focusAreaIndex: number | null;
  origin: DraftOrigin;
};

export interface DocumentDraft {
  document: DraftDocument;
  focusAreas: DraftFocusArea[];
  activities: DraftActivity[];
  /** Sentences about what could not be read or was guessed, in both languages. */
  notes: Text[];
}

export interface DraftMeta {
  sourceFile: string;
  /** The 290 municipalities (kommunkod + name), e.g. from the build's municipality file; without it the code stays null. */
  municipalities?: readonly Municipality[];
}
