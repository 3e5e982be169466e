import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import type { Actor } from '../platform/policy';
import { createCasesService } from './cases.service';
import { addWorkingDays } from './working-days';

describe('addWorkingDays', () => {
  it('counts Monday to Friday after the day of submission', () => {
    expect(addWorkingDays(new Date('2026-11-23T09:00:00Z'), 10)).toBe('2026-12-07'); // Monday → Monday
    expect(addWorkingDays(new Date('2026-11-27T16:00:00Z'), 10)).toBe('2026-12-11'); // Friday → Friday
    expect(addWorkingDays(new Date('2026-11-28T10:00:00Z'), 1)).toBe('2026-11-30'); // Saturday → Monday
    expect(addWorkingDays(new Date('2026-11-29T10:00:00Z'), 10)).toBe('2026-12-11'); // Sunday
    expect(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 1)).toBe('2026-11-30'); // Friday → Monday
  });
});

let t: TestApp;
let officer: Session;
let rh: Session;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.factories.user('officer');
  rh = await t.factories.user('right_holder_admin');
  productId = (await t.factories.product(rh)).id;
});
afterAll(() => t.close());

const officerActor = (): Actor => ({
  userId: officer.userId,
  membershipId: 'not used by cases',
  role: 'officer',
  organisationId: officer.organisationId,
  organisationKind: 'customs',
  country: 'FR',
});
const lines = () => [{ productId, brandId: null, description: null, quantity: 5, unit: 'pieces' as const }];
const emptyCase = {
  declarationReference: null,
  transportMode: null,
  transportId: null,
  portOrOffice: null,
  originCountry: null,
  consignmentCountry: null,
  destinationCountry: null,
  consignor: null,
  consignee: null,
  goodsDescription: null,
  declaredValue: null,
  declaredCurrency: null,
  goodsLocation: null,
  assessment: null,
};

describe('the response deadline', () => {
  it('is 10 working days after a Friday submission, over two weekends, and marks the case overdue once passed', async () => {
    let now = new Date('2026-11-27T15:30:00Z'); // a Friday
    const service = createCasesService({ db: t.db, clock: () => now });
    const created = await service.createCase(officerActor(), { ...emptyCase, lines: lines() });
    const submitted = await service.submitCase(officerActor(), created.body.id);
    expect(submitted.body).toMatchObject({ status: 'submitted', responseDeadline: '2026-12-11', overdue: false });
    expect(submitted.body.submittedAt).toBe('2026-11-27T15:30:00.000Z');
    expect(submitted.body.events.at(-1)).toMatchObject({
      kind: 'status',
      from: 'draft',
      to: 'submitted',
      details: { responseDeadline: '2026-12-11', workingDays: 10 },
    });

    now = new Date('2026-12-11T23:00:00Z'); // the last day: not yet overdue
    expect((await service.readCase(officerActor(), created.body.id)).overdue).toBe(false);
    now = new Date('2026-12-12T08:00:00Z');
    expect((await service.readCase(officerActor(), created.body.id)).overdue).toBe(true);
    const overdue = await service.listCases(officerActor(), { overdue: true, limit: 50 });
    expect(overdue.items.map((c) => c.id)).toContain(created.body.id);
    expect(overdue.items.every((c) => c.overdue)).toBe(true);
    const onTime = await service.listCases(officerActor(), { overdue: false, limit: 50 });
    expect(onTime.items.map((c) => c.id)).not.toContain(created.body.id);
  });

  it('an answered case is never overdue', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const service = createCasesService({ db: t.db, clock: () => now });
    const created = await service.createCase(officerActor(), { ...emptyCase, lines: lines() });
    await service.submitCase(officerActor(), created.body.id);
    now = new Date('2027-01-04T10:00:00Z');
    const rhActor: Actor = {
      userId: rh.userId,
      membershipId: 'not used by cases',
      role: 'right_holder_admin',
      organisationId: rh.organisationId,
      organisationKind: 'right_holder',
      country: null,
    };
    expect((await service.readCase(rhActor, created.body.id)).overdue).toBe(true);
    const answered = await service.answerCase(rhActor, created.body.id, { verdict: 'genuine', comment: null });
    expect(answered).toMatchObject({ status: 'answered', overdue: false, answeredAt: '2027-01-04T10:00:00.000Z' });
  });
});
