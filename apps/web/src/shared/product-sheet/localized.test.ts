import { describe, expect, it } from 'vitest';
import { langAttribute, pickText } from './localized';

describe('pickText', () => {
  const text = { en: 'Crown engraved', fr: 'Couronne gravée' };

  it("shows the reader's language when the right holder wrote it", () => {
    expect(pickText(text, 'fr', 'en')).toEqual({ text: 'Couronne gravée', lang: 'fr' });
  });

  it("falls back to the product's default language, then to any language written", () => {
    expect(pickText(text, 'es', 'fr')).toEqual({ text: 'Couronne gravée', lang: 'fr' });
    expect(pickText({ pt: 'Coroa gravada' }, 'es', 'en')).toEqual({ text: 'Coroa gravada', lang: 'pt' });
  });

  it('is null when nothing was written', () => {
    expect(pickText({}, 'en', 'en')).toBeNull();
  });
});

describe('langAttribute', () => {
  it('marks only text in another language than the page', () => {
    expect(langAttribute({ text: 'x', lang: 'en' }, 'fr')).toBe('en');
    expect(langAttribute({ text: 'x', lang: 'fr' }, 'fr')).toBeUndefined();
    expect(langAttribute(null, 'fr')).toBeUndefined();
  });
});
