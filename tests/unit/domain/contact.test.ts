import { describe, expect, it } from 'vitest';
import { contactSchema } from '../../../src/domain/contact';
import { NACKA_CONTACT } from '../io/publicSiteFixture';

describe('a municipality’s contact for citizens', () => {
  it('accepts a filled-in contact and names what is wrong otherwise', () => {
    expect(contactSchema.safeParse(NACKA_CONTACT).success).toBe(true);
    const problems = (over: object) => {
      const parsed = contactSchema.safeParse({ ...NACKA_CONTACT, ...over });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    // A link on the public page can never run script: only http(s) addresses.
    expect(problems({ web: 'javascript:alert(1)' }).join()).toMatch(/^web: /);
    expect(problems({ email: 'inte en adress' }).join()).toMatch(/^email: /);
    expect(problems({ phone: '<script>' }).join()).toMatch(/^phone: /);
    expect(problems({ organisation: '  ' }).join()).toMatch(/^organisation: /);
    expect(problems({ email: null, phone: null, web: null }).join()).toContain('minst ett sätt');
    // One per municipality: the id is the municipality's.
    expect(problems({ id: 'contact-0120' }).join()).toMatch(/^id: /);
  });
});
