import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Case } from '@verity/contract';
import { caseStatuses, caseVerdicts } from '@verity/contract/values';
import { describe, expect, it } from 'vitest';
import { translate, type Messages } from '../../lib/translate';
import type { UiLanguage } from '../../locales/languages';
import { factsOf } from './timeline-facts';

const locales = fileURLToPath(new URL('../../locales', import.meta.url));
/** A language's messages as the app assembles them (one namespace per file), English behind. */
function i18nOf(lang: UiLanguage) {
  const read = (code: string): Messages =>
    Object.fromEntries(
      readdirSync(`${locales}/${code}`)
        .filter((name) => name.endsWith('.json'))
        .map((name) => [name.slice(0, -5), JSON.parse(readFileSync(`${locales}/${code}/${name}`, 'utf8')) as Messages]),
    );
  const catalogs = [read(lang), read('en')];
  const tx = (key: string, params?: Record<string, string | number>) => translate(lang, catalogs, key, params);
  return { lang, tx, t: (key: string, params?: Record<string, string | number>) => tx(key, params) ?? key };
}

type CaseEvent = Case['events'][number];
const event = (patch: Partial<CaseEvent>): CaseEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'status',
  by: { id: '00000000-0000-4000-8000-000000000002', name: 'Ana' },
  organisation: { id: '00000000-0000-4000-8000-000000000003', name: 'Aduanas' },
  from: null,
  to: null,
  reason: null,
  details: null,
  at: '2026-11-23T10:00:00.000Z',
  ...patch,
});
const kinds: CaseEvent['kind'][] = ['created', 'status', 'answer', 'share', 'deadline'];

describe('the timeline in the reader’s language', () => {
  for (const lang of ['en', 'fr', 'es'] as const) {
    it(`${lang} names every event kind, state, verdict and cause the server writes`, () => {
      const { tx } = i18nOf(lang);
      const keys = [
        ...kinds.map((kind) => `cases.event.${kind}`),
        ...caseStatuses.map((status) => `cases.status.${status}`),
        ...caseVerdicts.map((verdict) => `cases.verdict.${verdict}`),
        'cases.cause.all_answered',
      ];
      expect(keys.filter((key) => !tx(key))).toEqual([]);
    });
  }

  it('words the automatic “answered” in French, not in the server’s English', () => {
    const facts = factsOf(
      event({ from: 'submitted', to: 'answered', details: { cause: 'all_answered' } }),
      i18nOf('fr'),
    );
    expect(facts).toEqual(['Tous les titulaires de droits ont répondu.']);
  });

  it('names the invited administration’s country, a moved deadline and a submission’s working days in the reader’s language', () => {
    const share = event({
      kind: 'share',
      details: { organisationId: 'x', organisationName: 'Douane belge', country: 'BE' },
    });
    expect(factsOf(share, i18nOf('fr'))).toEqual(['Partagé avec Douane belge (Belgique)']);
    expect(factsOf(share, i18nOf('es'))).toEqual(['Compartido con Douane belge (Bélgica)']);

    const moved = event({
      kind: 'deadline',
      reason: 'Asked for time',
      details: { from: '2026-12-07', to: '2026-12-14' },
    });
    const [fr] = factsOf(moved, i18nOf('fr'));
    expect(fr).toMatch(/^Délai déplacé du 7 déc\. 2026 au 14 déc\. 2026$/);

    const submitted = event({
      from: 'draft',
      to: 'submitted',
      details: { responseDeadline: '2026-11-26', workingDays: 3 },
    });
    expect(factsOf(submitted, i18nOf('es'))[0]).toMatch(/\(3 días hábiles\)$/);
    expect(
      factsOf(event({ ...submitted, details: { ...submitted.details, workingDays: 1 } }), i18nOf('en'))[0],
    ).toMatch(/\(1 working day\)$/);
  });

  it('gives a verdict in the reader’s language and ignores details it does not know', () => {
    expect(factsOf(event({ kind: 'answer', details: { verdict: 'counterfeit' } }), i18nOf('es'))).toEqual([
      'Dictamen: Falsificadas',
    ]);
    expect(factsOf(event({ kind: 'created', details: { somethingNew: 1 } }), i18nOf('en'))).toEqual([]);
  });
});
