import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useBrowser } from './harness';

const browser = useBrowser();

describe('whom citizens contact, filled in by a planner', () => {
  it('is entered per municipality in the promise tree, names a bad address in the UI language, and stays after a reload', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    const tree = page.getByRole('region', { name: 'Löften, fokusområden och aktiviteter' });
    await tree.getByText('Kontakt för medborgare', { exact: true }).click();
    const nacka = tree.getByRole('listitem', { name: 'Kontakt för medborgare i Nacka' });
    await expect.poll(() => nacka.textContent()).toContain('Ingen kontakt ifylld');
    await nacka.getByRole('button', { name: 'Fyll i kontakt för Nacka' }).click();
    const form = page.getByTestId('contact-form');
    await form.getByLabel('Vem svarar (enhet eller roll)').fill('Trygghetssamordnare, Nacka kommun');
    await form.getByLabel('E-post (valfritt)').fill('inte-en-adress');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('E-postadressen ser inte ut som en e-postadress');
    const axe = await new AxeBuilder({ page }).include('[data-testid="contact-form"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'contact-form-error');

    await form.getByLabel('E-post (valfritt)').fill('trygghet@nacka.test');
    await form.getByLabel('Telefon (valfritt)').fill('08-718 80 00');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => nacka.textContent()).toContain('Trygghetssamordnare, Nacka kommun · trygghet@nacka.test · 08-718 80 00');

    await page.reload();
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    await tree.getByText('Kontakt för medborgare', { exact: true }).click();
    await expect.poll(() => tree.getByRole('listitem', { name: 'Kontakt för medborgare i Nacka' }).textContent()).toContain('trygghet@nacka.test');
    await context.close();
  });
});
