import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/domain/dataset';
import { buildPublicSite } from '../../../src/io/publicSite/buildSite';
import { TODAY, teamData } from './publicSiteFixture';

describe('the citizens’ report form on the public site', () => {
  it('is built and linked only when the site has a server to send reports to', () => {
    const data = teamData() as Dataset;
    const without = new Map(buildPublicSite(data, TODAY).map((f) => [f.path, String(f.content)]));
    expect(without.has('rapportera.html')).toBe(false);
    expect(without.get('index.html')).not.toContain('rapportera.html');

    const files = new Map(buildPublicSite(data, TODAY, { reportUrl: 'https://karta.example.se/', scripts: { report: 'assets/report-abc.js' } }).map((f) => [f.path, String(f.content)]));
    const sv = files.get('rapportera.html')!;
    const en = files.get('en/rapportera.html')!;
    expect(files.get('index.html')).toContain('href="rapportera.html"');
    expect(files.get('en/index.html')).toContain('href="rapportera.html"');
    expect(sv).toContain('data-endpoint="https://karta.example.se/api/public/reports"');
    expect(sv).toContain('src="assets/report-abc.js"');
    expect(en).toContain('src="../assets/report-abc.js"');
    expect(en).toContain('Tell us where you feel unsafe');
    // Every field has a label, the problems are announced.
    for (const id of ['report-place-name', 'report-municipality', 'report-comment']) expect(sv).toContain(`<label for="${id}">`);
    expect(sv).toMatch(/<legend>När på dygnet/);
    expect(sv).toMatch(/id="report-message" role="alert"/);
    expect((sv.match(/name="reasons"/g) ?? []).length).toBe(8);
  });
});
