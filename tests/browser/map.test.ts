import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { LAYER_KINDS } from '../../src/domain/layers';
import { useBrowser, openApp, screenshot, waitForIdle } from './harness';

const browser = useBrowser();

const dataset = shippedDataset.ok ? shippedDataset.value : null;
const municipalityCodes = [...new Set(dataset?.features.map((f) => f.municipalityCode))].sort();

describe('the map on the shipped data', () => {
  it('draws every feature of every layer, municipality by municipality, with no request leaving the machine', async () => {
    expect(dataset).not.toBeNull();
    const app = await openApp(browser());
    const { page } = app;
    const picker = page.getByLabel('Gå till kommun');
    for (const code of municipalityCodes) {
      await picker.selectOption(code);
      await waitForIdle(page);
      for (const layer of LAYER_KINDS) {
        const expected = dataset!.features.filter((f) => f.layer === layer && f.municipalityCode === code).map((f) => f.id);
        const rendered = await page.evaluate((l) => window.__trygghetskartan!.map.renderedFeatureIds(l), layer);
        expect(rendered, `${layer} in ${code}`).toEqual(expect.arrayContaining(expected));
      }
      await screenshot(page, `municipality-${code}`);
    }
    for (const layer of LAYER_KINDS) expect(dataset!.features.some((f) => f.layer === layer), layer).toBe(true);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.context.close();
  });

  it('has no axe-core violations on the start view', async () => {
    const { page, context } = await openApp(browser());
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await screenshot(page, 'start');
    await context.close();
  });
});
