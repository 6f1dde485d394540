import { describe, expect, it } from 'vitest';
import { CITIZEN_REASONS, citizenReportSchema, reportLanguageOf, reportMessage, reportMessageOf } from '../../../src/domain/citizenReport';
import { SURVEY_REASONS } from '../../../src/domain/surveyAnswer';

const codes = (input: unknown) => {
  const parsed = citizenReportSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => reportMessageOf(i.message));
};

describe('a citizen’s report', () => {
  it('takes a position or a place name with its municipality, a time of day and at least one reason', () => {
    expect(codes({ position: { lon: 18.16, lat: 59.31 }, timeOfDay: 'natt', reasons: ['belysning'] })).toEqual([]);
    expect(codes({ placeName: 'Torget', municipalityCode: '0182', timeOfDay: 'dag', reasons: ['trafik', 'trafik'] })).toEqual([]);
    expect(citizenReportSchema.parse({ placeName: ' Torget ', municipalityCode: '0182', timeOfDay: 'dag', reasons: ['trafik', 'trafik'], comment: '  ' })).toEqual({
      position: null, placeName: 'Torget', municipalityCode: '0182', timeOfDay: 'dag', reasons: ['trafik'], comment: null,
    });
  });

  it('names each problem with a code that reads in Swedish and English', () => {
    expect(codes({ timeOfDay: 'dag', reasons: ['annat'] })).toEqual(['place-missing']);
    expect(codes({ placeName: 'Torget', timeOfDay: 'dag', reasons: ['annat'] })).toEqual(['municipality-missing']);
    expect(codes({ position: { lon: 30, lat: 59 }, timeOfDay: 'morgon', reasons: [] })).toEqual(['outside-sweden', 'time-missing', 'reasons-missing']);
    expect(codes({ position: { lon: 18, lat: 59 }, timeOfDay: 'dag', reasons: ['vegetation'], comment: 'x'.repeat(1001), email: 'a@b.se' })).toEqual(['reason-invalid', 'comment-too-long', 'unknown-field']);
    expect(codes('text')).toEqual(['not-a-report']);
    expect(reportMessage('reasons-missing', 'sv')).toMatch(/minst ett skäl/);
    expect(reportMessage('reasons-missing', 'en')).toMatch(/at least one reason/);
  });

  it('offers a subset of the survey’s reasons, so an accepted report is an answer like the others', () => {
    expect(CITIZEN_REASONS.every((r) => (SURVEY_REASONS as readonly string[]).includes(r))).toBe(true);
  });

  it('reads the language from Accept-Language, Swedish by default', () => {
    expect(reportLanguageOf(undefined)).toBe('sv');
    expect(reportLanguageOf('en-US,en;q=0.9')).toBe('en');
    expect(reportLanguageOf('de, en;q=0.5, sv;q=0.8')).toBe('sv');
    expect(reportLanguageOf('fr')).toBe('sv');
  });
});
