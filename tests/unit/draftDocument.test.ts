import { readdirSync, readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseForQuote, quoteOccursIn, QUOTE_NORMALISATION_STEPS } from '../../src/domain/quote';
import { draftFromText } from '../../src/io/draftDocument/draft';
import { loadPdfjsForNode } from '../../src/io/draftDocument/pdfjsNode';
import { PdfReadError, readPdfText } from '../../src/io/draftDocument/readPdfText';
import { municipalitiesFromAreas } from '../../src/io/draftDocument/municipalityList';
import type { DocumentDraft } from '../../src/io/draftDocument/types';
import { municipalityAreas } from './helpers/municipalityLocator';
import { readShared } from './sharedFiles';

/**
 * The drafter against the hand-made data: on each seed text, how many of data/'s focus areas and
 * activities the draft finds. A draft item finds a data item when their titles share most content
 * words, or when their quotes share a long run of consecutive words; each draft item can find
 * only one data item (best pairs first), so one long quote cannot count for a whole paragraph.
 */

interface Item {
  title: string;
  quote: string;
}
interface ShippedDocument {
  document: { id: string; sourceFile: string; municipality: { code: string } };
  focusAreas: Item[];
  activities: Item[];
}

const shipped: ShippedDocument[] = readdirSync('data/documents')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(`data/documents/${f}`, 'utf8')) as ShippedDocument);
// The list as the app would pass it: from the build's municipality file (here its source in ../shared).
const municipalities = municipalitiesFromAreas({ features: municipalityAreas() });
const seedText = (d: ShippedDocument) => readShared('seeds', d.document.sourceFile);

const STOP = new Set(['och', 'i', 'på', 'av', 'för', 'att', 'med', 'till', 'om', 'en', 'ett', 'de', 'den', 'det', 'som', 'är', 'ska', 'skall', 'mot', 'kring', 'samt', 'inom', 'vid', 'från', 'hos', 'under', 'eller', 'så', 'sin', 'sina', 'dessa', 'detta']);
const wordsOf = (s: string) => normaliseForQuote(s).toLocaleLowerCase('sv').split(/[^\p{L}\d]+/u).filter(Boolean);
const contentWords = (s: string) => new Set(wordsOf(s).filter((w) => w.length > 1 && !STOP.has(w)));

function dice(a: Set<string>, b: Set<string>): number {
  const common = [...a].filter((w) => b.has(w)).length;
  return a.size + b.size === 0 ? 0 : (2 * common) / (a.size + b.size);
}

function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) if (a[i - 1] === b[j - 1]) best = Math.max(best, (row[j] = previous[j - 1]! + 1));
    previous = row;
  }
  return best;
}

/** 0 = no match; otherwise how good. Titles: Dice ≥ 0.5 on content words. Quotes: ≥ 4 words in a row covering most of the shorter quote or 60 % of the data's. */
function similarity(draft: Item, data: Item): number {
  const title = dice(contentWords(draft.title), contentWords(data.title));
  const [d, g] = [wordsOf(draft.quote), wordsOf(data.quote)];
  const run = longestCommonRun(d, g);
  const shorter = Math.min(d.length, g.length);
  const quote = run >= 4 && (run / shorter >= 0.8 || run / g.length >= 0.6) ? run / shorter : 0;
  return Math.max(title >= 0.5 ? title : 0, quote);
}

function recall(drafts: readonly Item[], data: readonly Item[]): { found: number; total: number; missing: string[] } {
  const pairs = drafts.flatMap((d, i) => data.map((g, j) => ({ i, j, score: similarity(d, g) }))).filter((p) => p.score > 0);
  pairs.sort((a, b) => b.score - a.score);
  const [usedDraft, usedData] = [new Set<number>(), new Set<number>()];
  for (const p of pairs) {
    if (usedDraft.has(p.i) || usedData.has(p.j)) continue;
    usedDraft.add(p.i);
    usedData.add(p.j);
  }
  return { found: usedData.size, total: data.length, missing: data.filter((_, j) => !usedData.has(j)).map((g) => g.title) };
}

function recallTable(drafts: ReadonlyArray<{ doc: ShippedDocument; draft: DocumentDraft }>, label: string) {
  const rows = drafts.map(({ doc, draft }) => ({ doc: doc.document.id, areas: recall(draft.focusAreas, doc.focusAreas), activities: recall(draft.activities, doc.activities) }));
  const sum = (kind: 'areas' | 'activities') => rows.reduce((s, r) => ({ found: s.found + r[kind].found, total: s.total + r[kind].total }), { found: 0, total: 0 });
  const [areas, activities] = [sum('areas'), sum('activities')];
  console.info(
    [
      `recall (${label}):`,
      ...rows.map(
        (r) => `  ${r.doc.padEnd(16)} focus areas ${r.areas.found}/${r.areas.total}  activities ${r.activities.found}/${r.activities.total}` +
          (r.areas.missing.length + r.activities.missing.length > 0 ? `  missing: ${[...r.areas.missing, ...r.activities.missing].join('; ')}` : ''),
      ),
      `  total            focus areas ${areas.found}/${areas.total} (${((100 * areas.found) / areas.total).toFixed(1)} %)  activities ${activities.found}/${activities.total} (${((100 * activities.found) / activities.total).toFixed(1)} %)`,
    ].join('\n'),
  );
  return { areas: areas.found / areas.total, activities: activities.found / activities.total };
}

const quotesOf = (draft: DocumentDraft) => [
  ...(draft.document.quote ? [{ what: 'document', quote: draft.document.quote }] : []),
  ...draft.focusAreas.map((f) => ({ what: `fokusområde ${f.title}`, quote: f.quote })),
  ...draft.activities.map((a) => ({ what: `aktivitet ${a.title}`, quote: a.quote })),
];
const wordCount = (q: string) => normaliseForQuote(q).split(' ').length;

describe('drafting the five seed texts', () => {
  const drafts = shipped.map((doc) => ({ doc, draft: draftFromText(seedText(doc), { sourceFile: doc.document.sourceFile, municipalities }) }));

  it('finds at least 90 % of data/’s focus areas and of its activities', () => {
    const r = recallTable(drafts, 'seed texts');
    expect(r.areas).toBeGreaterThanOrEqual(0.9);
    expect(r.activities).toBeGreaterThanOrEqual(0.9);
  });

  it('the matching can fail: drafts held against another document’s data find almost nothing', () => {
    const shifted = drafts.map(({ draft }, i) => ({ doc: drafts[(i + 1) % drafts.length]!.doc, draft }));
    const r = recallTable(shifted, 'each draft against the next document’s data');
    expect(r.areas).toBeLessThan(0.2);
    expect(r.activities).toBeLessThan(0.2);
  });

  it('quotes every document, focus area and activity verbatim from its text (5-40 words)', () => {
    for (const { doc, draft } of drafts) {
      const text = seedText(doc);
      const bad = quotesOf(draft).filter((q) => !quoteOccursIn(q.quote, text)).map((q) => `${q.what}: «${q.quote}»`);
      expect(bad, `${doc.document.id}; normalisation: ${QUOTE_NORMALISATION_STEPS.join('; ')}`).toEqual([]);
      expect(quotesOf(draft).filter((q) => wordCount(q.quote) < 5 || wordCount(q.quote) > 40)).toEqual([]);
    }
  });

  it('guesses the document: title, kind, municipality with its code, period and signatories', () => {
    for (const { doc, draft } of drafts) expect(draft.document.municipality?.code, doc.document.id).toBe(doc.document.municipality.code);
    const ekero = drafts.find((d) => d.doc.document.id === 'ekero-2020')!.draft.document;
    expect(ekero).toMatchObject({ kind: 'medborgarlofte', title: 'Polisens och Ekerö kommuns medborgarlöfte', signedDate: '2020-02-05', policeArea: 'Lokalpolisområde Vällingby' });
    expect(ekero.signatories).toEqual([
      { name: 'Catrine Kimerius Wikström', role: 'Lokalpolisområdeschef' },
      { name: 'Adam Reuterskiöld', role: 'Kommunstyrelsens ordförande' },
    ]);
    const nordmaling = drafts.find((d) => d.doc.document.id === 'nordmaling-2023')!.draft.document;
    expect(nordmaling.period).toEqual({ from: '2023-01-01', to: '2025-12-31' });
    expect(drafts.find((d) => d.doc.document.id === 'nacka-2022')!.draft.document.kind).toBe('plan-for-samverkan');
  });

  it('reads the Nacka 2022 tables: one activity per row, with challenge, measures, responsible and an empty status', () => {
    const { draft } = drafts.find((d) => d.doc.document.id === 'nacka-2022')!;
    expect(draft.activities.filter((a) => a.origin === 'table')).toHaveLength(28);
    expect(draft.activities.find((a) => a.title === 'Krogkontroller')).toMatchObject({
      challenge: 'Minska överservering på pubar och barer och de brott som följer av det.',
      measures: ['Minst två krogkontroller/ år'],
      responsible: [
        { party: 'polis', unit: null },
        { party: 'kommun', unit: 'Alkoholhandlägg are' },
      ],
      status: 'unknown',
    });
    expect(draft.activities.find((a) => a.title === 'Ökad socialisering (Social resistens)')?.measures).toEqual([
      'Informationskampanjer',
      'Aktiviteter för ökad socialisering i området',
      'Jobba mot tystnadskulturen',
      'Föräldravandring',
    ]);
    const victims = draft.focusAreas.findIndex((f) => f.title === 'Särskilt utsatta brottsoffer');
    expect(draft.focusAreas[victims]?.sensitive).toBe(true);
    expect(draft.activities.filter((a) => a.focusAreaIndex === victims).every((a) => a.sensitive)).toBe(true);
    expect(draft.notes.map((n) => n.sv).join(' ')).toMatch(/Status-kolumnen är tom i 28 aktivitetstabeller/);
    expect(draft.notes.map((n) => n.en).join(' ')).toMatch(/The Status column is empty in 28 activity tables/);
  });
});

/** A PDF of the text as a word processor would print it: Helvetica (WinAnsi has å ä ö), long lines wrapped, pages full. */
async function pdfOf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [width, height, margin, size, leading] = [595, 842, 50, 10, 14];
  let page = doc.addPage([width, height]);
  let y = height - margin;
  for (const source of text.split(/\r?\n/u)) {
    // U+F0B7 is a Symbol-font bullet that WinAnsi cannot encode; a word processor prints it as •.
    const line = source.replace(/\uF0B7/gu, '•').replace(/\t/gu, ' ');
    for (const piece of wrap(line, font, size, width - 2 * margin)) {
      if (piece.trim() !== '') page.drawText(piece, { x: margin, y, size, font });
      y -= leading;
      if (y < margin) [page, y] = [doc.addPage([width, height]), height - margin];
    }
  }
  return doc.save();
}

function wrap(line: string, font: PDFFont, size: number, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current.trim() !== '' && font.widthOfTextAtSize(next, size) > max) {
      out.push(current);
      current = word;
    } else current = next;
  }
  out.push(current);
  return out;
}

describe('drafting from PDFs made of the seed texts', () => {
  let drafts: Array<{ doc: ShippedDocument; draft: DocumentDraft; text: string }> = [];
  beforeAll(async () => {
    drafts = await Promise.all(
      shipped.map(async (doc) => {
        const text = await readPdfText(await pdfOf(seedText(doc)), { loadPdfjs: loadPdfjsForNode });
        return { doc, text, draft: draftFromText(text, { sourceFile: `${doc.document.id}.pdf`, municipalities }) };
      }),
    );
  }, 60_000);

  it('keeps the lines: headings, bullets and table cells come out as printed', () => {
    const nacka2022 = drafts.find((d) => d.doc.document.id === 'nacka-2022')!.text;
    expect(nacka2022).toMatch(/^Aktivitet: Krogkontroller$/mu);
    expect(nacka2022).toMatch(/^Utmaning Åtgärd Ansvarig Status$/mu);
    expect(drafts.find((d) => d.doc.document.id === 'varmdo-2017')!.text).toMatch(/^\s*• krogen \(Krogen\)$/mu);
  });

  it('finds at least 90 % of the focus areas and activities, as from the text', () => {
    const r = recallTable(drafts, 'PDF round trip');
    expect(r.areas).toBeGreaterThanOrEqual(0.9);
    expect(r.activities).toBeGreaterThanOrEqual(0.9);
  });

  it('quotes verbatim from the text read out of the PDF', () => {
    for (const { doc, draft, text } of drafts) {
      const bad = quotesOf(draft).filter((q) => !quoteOccursIn(q.quote, text)).map((q) => `${q.what}: «${q.quote}»`);
      expect(bad, doc.document.id).toEqual([]);
    }
  });

  it('rejects a file that is no PDF with a reason in Swedish', async () => {
    await expect(readPdfText(new TextEncoder().encode('inte en pdf'), { loadPdfjs: loadPdfjsForNode })).rejects.toBeInstanceOf(PdfReadError);
  });
});

describe('drafting small texts a planner might paste', () => {
  const meta = { sourceFile: 'inklistrad.txt', municipalities };

  it('reads an "Aktivitet:" table under a focus-area heading', () => {
    const text = [
      'Trygg trafik',
      'Det övergripande syftet är att minska antalet trafikolyckor vid skolorna i kommunen.',
      '',
      'Aktivitet: Hastighetskontroller vid skolor',
      'Utmaning Åtgärd Ansvarig Status',
      'Bilister kör för fort',
      'vid skolorna på morgonen.',
      '',
      'Minst fyra hastighets-',
      'kontroller per termin.',
      '',
      'Polis',
      'Kommun/Trafikenheten',
      '',
      'Pågår',
    ].join('\n');
    const draft = draftFromText(text, meta);
    expect(draft.focusAreas.map((f) => f.title)).toEqual(['Trygg trafik']);
    expect(draft.activities).toEqual([
      expect.objectContaining({
        focusAreaIndex: 0,
        title: 'Hastighetskontroller vid skolor',
        challenge: 'Bilister kör för fort vid skolorna på morgonen.',
        measures: ['Minst fyra hastighetskontroller per termin.'],
        responsible: [
          { party: 'polis', unit: null },
          { party: 'kommun', unit: 'Trafikenheten' },
        ],
        status: 'ongoing',
        target: 'Minst fyra hastighetskontroller per termin.',
        origin: 'table',
      }),
    ]);
    for (const q of quotesOf(draft)) expect(quoteOccursIn(q.quote, text), q.quote).toBe(true);
  });

  it('reads a bullet list under a heading as that focus area’s activities', () => {
    const text = [
      'Medborgarlöfte för Tyresö 2024',
      '',
      'Trygghet i centrum',
      'Polisen och kommunen ska under året:',
      '• genomföra tre trygghetsvandringar i Tyresö centrum',
      '• öka polisens närvaro på torget under helgkvällar',
      '• starta grannsamverkan i två bostadsområden',
      '',
      'Vi följer upp löftena i det brottsförebyggande rådet varje år.',
    ].join('\n');
    const draft = draftFromText(text, meta);
    expect(draft.document).toMatchObject({ title: 'Medborgarlöfte för Tyresö 2024', kind: 'medborgarlofte', municipality: { name: 'Tyresö', code: '0138' } });
    expect(draft.document.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(draft.focusAreas.map((f) => f.title)).toEqual(['Trygghet i centrum']);
    expect(draft.activities.map((a) => [a.focusAreaIndex, a.title])).toEqual([
      [0, 'Genomföra tre trygghetsvandringar i Tyresö centrum'],
      [0, 'Öka polisens närvaro på torget under helgkvällar'],
      [0, 'Starta grannsamverkan i två bostadsområden'],
    ]);
    expect(draft.activities[1]!.responsible).toEqual([{ party: 'polis', unit: null }]);
    for (const q of quotesOf(draft)) expect(quoteOccursIn(q.quote, text), q.quote).toBe(true);
  });

  it('reads a table pasted from Word or a web page, a tab between cells and an "Aktivitet" column', () => {
    const text = [
      'Trygg krogmiljö',
      'Det övergripande syftet är att minska våldet kring krogarna i centrum på helgerna.',
      '',
      'Aktivitet\tUtmaning\tÅtgärd\tAnsvarig\tStatus',
      'Krogkontroller\tÖverservering på pubar och barer\tMinst två krogkontroller per år\tPolis\tPågår',
      'Utbildning\tPersonalen känner inte till reglerna\tUtbilda personalen i ansvarsfull',
      'alkoholservering\tKommun/Alkoholhandläggare\tPlanerad',
      'Trygghetsvärdar\tOtrygghet på torget på natten\tTrygghetsvärdar fredag och lördag\tKommun\t',
    ].join('\n');
    const draft = draftFromText(text, meta);
    expect(draft.activities.map((a) => [a.focusAreaIndex, a.title, a.challenge, a.measures, a.responsible, a.status])).toEqual([
      [0, 'Krogkontroller', 'Överservering på pubar och barer', ['Minst två krogkontroller per år'], [{ party: 'polis', unit: null }], 'ongoing'],
      [0, 'Utbildning', 'Personalen känner inte till reglerna', ['Utbilda personalen i ansvarsfull alkoholservering'], [{ party: 'kommun', unit: 'Alkoholhandläggare' }], 'planned'],
      [0, 'Trygghetsvärdar', 'Otrygghet på torget på natten', ['Trygghetsvärdar fredag och lördag'], [{ party: 'kommun', unit: null }], 'unknown'],
    ]);
    for (const q of quotesOf(draft)) expect(quoteOccursIn(q.quote, text), q.quote).toBe(true);
  });

  it('reads Windows line ends (CRLF) as it reads Unix ones', () => {
    for (const doc of shipped) {
      const unix = draftFromText(seedText(doc), meta);
      const windows = draftFromText(seedText(doc).replace(/\r?\n/gu, '\r\n'), meta);
      expect([windows.focusAreas.length, windows.activities.length], doc.document.id).toEqual([unix.focusAreas.length, unix.activities.length]);
    }
  });

  it('gives empty or unreadable text a draft with a note, not an exception', () => {
    for (const text of ['', '   \n\n ', '%%%% 1234 #### \u0000\u0001\u0002', String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 600))]) {
      const draft = draftFromText(text, meta);
      expect(draft.focusAreas).toEqual([]);
      expect(draft.notes.length).toBeGreaterThan(0);
      for (const q of quotesOf(draft)) expect(quoteOccursIn(q.quote, text)).toBe(true);
    }
    expect(draftFromText('', meta).notes[0]!.sv).toMatch(/inga ord/);
    expect(draftFromText('', meta).notes[0]!.en).toMatch(/no words/);
  });

  it('leaves the municipality code empty without the list, and says so', () => {
    const draft = draftFromText('Medborgarlöfte 2024\n\nNordmalings kommun och polisen lovar att genomföra trygghetsvandringar.', { sourceFile: 'x.txt' });
    expect(draft.document.municipality).toEqual({ name: 'Nordmaling', code: null });
    expect(draft.notes.map((n) => n.sv).join(' ')).toMatch(/Kommunkoden för Nordmaling/);
    expect(draft.notes.map((n) => n.en).join(' ')).toMatch(/municipality code of Nordmaling/);
  });
});
