import { describe, expect, it } from 'vitest';
import { notificationEvents } from '@verity/contract/values';
import { translate, type Messages } from '../../lib/translate';
import en from '../../locales/en/notifications.json';
import fr from '../../locales/fr/notifications.json';
import type { UiLanguage } from '../../locales/languages';
import { eventKey, eventsFor, notificationText } from './notification-text';

const i18nOf = (messages: Messages, lang: UiLanguage) => {
  const tx = (key: string, params?: Record<string, string | number>) =>
    translate(lang, [{ notifications: messages }], key, params);
  return { lang, tx, t: (key: string, params?: Record<string, string | number>) => tx(key, params) ?? key };
};

describe('notification texts', () => {
  it('have a message and a name for every event, in each language', () => {
    for (const messages of [en, fr]) {
      for (const event of notificationEvents) {
        expect((messages.events as Record<string, string>)[eventKey(event)], event).toBeDefined();
        expect((messages.eventNames as Record<string, string>)[eventKey(event)], event).toBeDefined();
      }
    }
  });

  it('name the case, the verdict and the state in the reader’s language', () => {
    const c = { id: '1', reference: 'FR-2026-000042' };
    expect(
      notificationText(i18nOf(fr, 'fr'), { event: 'case.answered', case: c, data: { verdict: 'counterfeit' } }),
    ).toBe('Dossier FR-2026-000042 : un titulaire de droits a répondu : contrefaçon.');
    expect(notificationText(i18nOf(en, 'en'), { event: 'case.status', case: c, data: { to: 'detained' } })).toBe(
      'Case FR-2026-000042: goods detained.',
    );
    expect(
      notificationText(i18nOf(en, 'en'), {
        event: 'case.deadline_soon',
        case: c,
        data: { responseDeadline: '2026-03-16' },
      }),
    ).toBe('Case FR-2026-000042: your answer is due by Mar 16, 2026.'); // the day as English writes it
  });

  it('offer each role the events it can be told of', () => {
    expect(eventsFor('right_holder_editor', notificationEvents)).toEqual([
      'case.submitted',
      'case.status',
      'case.message',
      'case.deadline_changed',
      'case.deadline_soon',
      'case.overdue',
    ]);
    expect(eventsFor('officer', notificationEvents)).not.toContain('case.submitted');
    expect(eventsFor('officer', notificationEvents)).toContain('case.answered');
  });
});
