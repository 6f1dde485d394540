import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/domain/dataset';
import { outsideSwedenIssue } from '../../../src/domain/rules/insideSweden';
import { activityReferenceIssues } from '../../../src/domain/rules/references';
import { recordSchemaIssue } from '../../../src/domain/rules/recordSchema';
import { writePermissionIssues } from '../../../src/domain/rules/writePermission';
import { SCHEMA_MESSAGES, schemaMessageText } from '../../../src/domain/schemaMessages';
import { isText, type Text } from '../../../src/domain/text';
import { ANSWER_REJECT_TEXTS } from '../../../src/io/answers/answerRows';
import { parseAnswersCsv } from '../../../src/io/answers/parseAnswersCsv';
import { parseBackup } from '../../../src/io/backup';
import { candidatesToFeatures } from '../../../src/io/candidatesToFeatures';
import { draftFromText } from '../../../src/io/draftDocument/draft';
import { fileTooLarge } from '../../../src/io/importText';
import { REJECT_REASONS, REJECT_TEXTS, type ParsedImport } from '../../../src/io/importTypes';
import { readImportFile } from '../../../src/io/readImportFile';
import { draftToFeature, newDraft } from '../../../src/ui/editing/featureDraft';
import { importStrings } from '../../../src/ui/importing/strings';
import { activity, dataset, focusArea, unsafePlace } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { expectFailure, expectOk, fixtureBytes, utf8, writeZip } from './importHelpers';

/**
 * Issue 14, "one language at a time": whatever the importers, the write rules and the feature form
 * say is written in both languages, so the UI can show it in the one the user has chosen. English
 * that still holds Swedish words (or å, ä, ö from anything but the file's own values) is a miss.
 */
const SWEDISH_WORDS = /\b(och|inte|är|saknas|filen|rad|kolumnen|kolumn|som|från|eller|med|av|har|kunde|lästes|ingen|inga|objekt|punkten|ligger|utanför|omräknat|tomma?|tecken|posten|valet|användes)\b/i;
const SWEDISH_LETTERS = /[åäöÅÄÖ]/;

/** Checks one message; `values` are the file's own words, which both languages quote as they are. */
function expectBilingual(message: Text, where: string, { translated = true, values = [] as readonly string[] } = {}) {
  expect(isText(message), where).toBe(true);
  expect(message.sv.trim(), `${where}: Swedish`).not.toBe('');
  expect(message.en.trim(), `${where}: English`).not.toBe('');
  if (translated) expect(message.en, `${where}: English is not the Swedish`).not.toBe(message.sv);
  let en = message.en;
  for (const value of values) en = en.split(value).join('');
  expect(en, `${where}: no Swedish words in the English`).not.toMatch(SWEDISH_WORDS);
  expect(en, `${where}: no Swedish letters in the English`).not.toMatch(SWEDISH_LETTERS);
}

function expectPreviewBilingual(parsed: ParsedImport, values: readonly string[] = []) {
  parsed.notes.forEach((n, i) => expectBilingual(n, `note ${i}: ${n.sv}`, { values }));
  expectBilingual(parsed.crs.reason, `crs reason: ${parsed.crs.reason.sv}`, { values });
  for (const c of parsed.candidates) expectBilingual(c.label, `label ${c.label.sv}`);
  for (const r of parsed.rejected) {
    expectBilingual(r.label, `label ${r.label.sv}`);
    // A detail is often the file's value alone ("lat = abc"): the same in both, but never Swedish words.
    expectBilingual(r.detail, `detail of ${r.label.sv}: ${r.detail.sv}`, { translated: false, values });
  }
}

describe('every message the importer, the rules and the form make is in Swedish and English', () => {
  it('the reasons of a rejection, the answers importer’s and the schemas’ own refusals', () => {
    for (const reason of REJECT_REASONS) expectBilingual(REJECT_TEXTS[reason], reason);
    for (const [reason, words] of Object.entries(ANSWER_REJECT_TEXTS)) expectBilingual(words, reason);
    for (const [key, words] of Object.entries(SCHEMA_MESSAGES)) expectBilingual(words, key);
    // zod's own messages are English already; Swedish names them as invalid values.
    expect(schemaMessageText('Invalid input')).toEqual({ sv: 'ogiltigt värde (Invalid input)', en: 'invalid value (Invalid input)' });
  });

  it('the notes, labels, reasons and details of a CSV with bad rows, swapped columns and decimal commas', async () => {
    const csv = ['name;x;y', 'Good;59,3293;18,0686', '', 'Missing;;18,0686', 'Text;abc;18,0686', 'Far;52,52;13,405', 'DM;5918,63;1804,27', 'Two;59,33;18,07', 'Three;59,34;18,08'].join('\r\n');
    const parsed = expectOk(await readImportFile(utf8(csv), 'bad.csv', { locator: testMunicipalityLocator() }));
    expect(parsed.rejected.map((r) => r.reason)).toEqual(['missing-coordinates', 'non-numeric-coordinates', 'outside-sweden', 'degree-minutes']);
    // The values said y holds longitudes: the columns were read the other way round, and a note says so.
    expect(parsed.notes.some((n) => n.en.includes('by its values the column x holds the latitude'))).toBe(true);
    expectPreviewBilingual(parsed);
  });

  it('what GeoJSON, KML, GPX and a file in Windows-1252 say', async () => {
    const options = { locator: testMunicipalityLocator(), crs: 'EPSG:3006' as const };
    expectPreviewBilingual(expectOk(await readImportFile(fixtureBytes('en_trasig_polygon.geojson'), 'p.geojson', { locator: testMunicipalityLocator() })));
    expectPreviewBilingual(expectOk(await readImportFile(fixtureBytes('legacy_crs_3006.geojson'), 'l.geojson', options)));
    expectPreviewBilingual(expectOk(await readImportFile(fixtureBytes('platsmarke.kml'), 'p.kml', options)));
    expectPreviewBilingual(expectOk(await readImportFile(fixtureBytes('spar_rutt_vagpunkter.gpx'), 'w.gpx', options)));
    const latin = expectOk(await readImportFile(Uint8Array.from([...utf8('name;lat;lon\r\nG'), 0xe5, ...utf8('rd;59,33;18,07\r\n')]), 'g.csv', {}));
    expect(latin.notes.map((n) => n.en)).toContain('the file was not valid UTF-8 and was read as Windows-1252 (older Excel format)');
    expectPreviewBilingual(latin);
  });

  it('the failures of files that cannot be read at all', async () => {
    const failures = [
      await readImportFile(new Uint8Array(), 'empty.csv'),
      await readImportFile(utf8('hello'), 'notes.docx'),
      await readImportFile(Uint8Array.from([0x7b, 0, 1, 2]), 'bin.csv'),
      await readImportFile(utf8('{"type":"FeatureCollection","features":[{"type":'), 'cut.geojson'),
      await readImportFile(utf8('{"a":1}'), 'x.geojson'),
      await readImportFile(utf8('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2400"}},"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}}]}'), 'c.geojson'),
      await readImportFile(utf8('<kml xmlns="http://www.opengis.net/kml/2.2"><Document></Document></kml>'), 'e.kml'),
      await readImportFile(utf8('<gpx><trk>'), 'cut.gpx'),
      await readImportFile(writeZip({ 'readme.txt': 'hi' }), 'noshp.zip'),
      await readImportFile(writeZip({ 'a.shp': 'x' }).subarray(0, 30), 'broken.zip'),
    ].map(expectFailure);
    failures.forEach((f) => expectBilingual(f.message, `${f.code}: ${f.message.sv}`));
    expectBilingual(fileTooLarge(240 * 1024 * 1024, 200), 'too large');
  });

  it('what the plan skips, the answers importer and a backup say', async () => {
    const index = indexDataset(dataset());
    const parsed = expectOk(await readImportFile(fixtureBytes('en_trasig_polygon.geojson'), 'p.geojson', {}));
    const plan = candidatesToFeatures(parsed.candidates, 'speed-control', ['act'], 'p.geojson', index, () => 'id', { locator: testMunicipalityLocator() });
    expect(plan.skipped.length).toBeGreaterThan(0);
    for (const s of plan.skipped) expectBilingual(s.detail, `skipped ${s.label.sv}`);

    const answers = await parseAnswersCsv(['lon;lat;enkat;ar;tid;skal', '18,06;59,33;S;1850;dag;', ';59,33;S;2024;dag;', '18,06;59,33;S;2024;morning;'].join('\n'));
    if (!answers.ok) throw new Error(answers.error.message.en);
    answers.value.notes.forEach((n, i) => expectBilingual(n, `answers note ${i}`));
    for (const r of answers.value.rejected) expectBilingual(r.detail, `answers ${r.label.en}`, { translated: false, values: ['morning'] });
    for (const bad of ['{', '{"type":"x","version":1}', '{"type":"trygghetskartan-backup","version":99}']) {
      const backup = parseBackup(bad);
      if (backup.ok) throw new Error('a broken backup was accepted');
      expectBilingual(backup.error, `backup ${bad}`);
    }
  });

  it('the write rules, on the server as in the browser', () => {
    const locator = testMunicipalityLocator();
    const issues = [
      outsideSwedenIssue({ id: 'x', geometry: { type: 'Point', coordinates: [12.5683, 55.6761] } }, locator),
      outsideSwedenIssue({ id: 'x', geometry: { type: 'Point', coordinates: [18.07, 59.33] } }, null),
      ...writePermissionIssues({ label: 'l', put: { features: [unsafePlace()] }, delete: {} }, { stored: dataset() }, { role: 'reader', municipalities: [] }),
      ...activityReferenceIssues(activity({ focusAreaId: 'nowhere' }), { document: () => undefined, focusArea: () => undefined, activity: () => undefined }),
      recordSchemaIssue('features', { ...unsafePlace(), geometry: { type: 'Point', coordinates: [999, 999] } }),
      recordSchemaIssue('focusAreas', { ...focusArea(), title: 42 }),
    ];
    for (const issue of issues) {
      expect(issue).not.toBeNull();
      // `message` stays the Swedish one the team server has always sent.
      expect(issue!.message).toBe(issue!.text!.sv);
      expectBilingual(issue!.text!, `${issue!.code}: ${issue!.message}`);
    }
  });

  it('the feature form’s errors', () => {
    const index = indexDataset(dataset({ activities: [activity()] }));
    const draft = newDraft('unsafe-place', { type: 'Point', coordinates: [18.07, 59.33] }, 'ritad');
    const result = draftToFeature({ ...draft, details: { ...draft.details, year: 'nineteen', confirmedOn: '1/2/2027' } }, index, () => 'p1');
    if (!('errors' in result)) throw new Error('an empty form was accepted');
    expect(Object.keys(result.errors).sort()).toEqual(['activityIds', 'details.confirmedOn', 'details.year', 'name']);
    for (const [key, error] of Object.entries(result.errors)) expectBilingual(error, key);
  });

  it('the drafted document’s notes', () => {
    for (const text of ['', 'Medborgarlöfte 2024\n\nPolisen och kommunen ska göra mer.\n\n• Trygghetsvandringar i centrum.\n• Fler vuxna ute på kvällarna.']) {
      const draft = draftFromText(text, { sourceFile: 'x.txt' });
      expect(draft.notes.length).toBeGreaterThan(0);
      // The kind of document is named by its Swedish name, a proper noun in both languages.
      draft.notes.forEach((n) => expectBilingual(n, n.sv, { values: ['medborgarlöfte', 'plan för samverkan', 'samverkansöverenskommelse', 'Åtgärd', 'Utmaning'] }));
    }
  });

  it('the importer panel’s own strings exist in both languages, key for key', () => {
    const [sv, en] = [importStrings('sv'), importStrings('en')];
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    expect(Object.keys(en.advice).sort()).toEqual(Object.keys(sv.advice).sort());
    expect(en.notes).toBe('Done while reading');
    expect(en.rejectedTitle).not.toBe(sv.rejectedTitle);
  });
});
