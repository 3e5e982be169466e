/**
 * The authorization matrix: every API route × every role × own/foreign organisation,
 * with the status each combination must get. Denials on objects of another tenant answer
 * 404 (ids leak nothing); denials of a role that may never act answer 403.
 * A route of the API that has no row here fails the last test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@verity/contract';
import { createTestApp, type Session, type TestApp } from './test-app';
import { caseFilesRows, prepareCaseFiles } from './authorization-matrix.cases';
import {
  buildWorld,
  catalogRows,
  isRH,
  writeObject,
  type MatrixCase,
  type Owner,
  type World,
} from './authorization-matrix.catalog';
import { notificationRows, prepareNotifications } from './authorization-matrix.notifications';

let t: TestApp;
const worlds: Partial<Record<Owner, World>> = {};
const sessions: Partial<Record<Role, Session>> = {};
let ownRightHolder: Session;
let foreignRightHolder: Session;
/** Per organisation: a colleague (member of that organisation alone) whom its administrators manage. */
const colleagues = new Map<string, string>();
let foreignUser: string;
let shareTarget: string;

/**
 * The world's cases, opened by `customs` (the officer's administration for the own world, a
 * Spanish one for the foreign world): a draft without a right holder's line (submitting it gets
 * past the policy to CASE_HAS_NO_LINES), submitted cases for answers and decisions.
 */
async function buildCases(w: World, customs: Session) {
  const open = async (lines: unknown[]) => (await customs.request('POST', '/api/v1/cases', { lines })).json().id;
  const submitted = async () => {
    const id = await open([{ productId: w.product, quantity: 1 }]);
    await customs.request('POST', `/api/v1/cases/${id}/submit`);
    return id;
  };
  w.caseDraft = await open([{ description: 'Unbranded', quantity: 1 }]);
  w.caseSubmitted = await submitted();
  w.caseAnswered = await submitted();
  w.caseDecided = await submitted();
}

beforeAll(async () => {
  t = await createTestApp();
  ownRightHolder = await t.factories.user('right_holder_admin');
  foreignRightHolder = await t.factories.user('right_holder_admin');
  worlds.own = await buildWorld(t, ownRightHolder);
  worlds.foreign = await buildWorld(t, foreignRightHolder);
  for (const role of roles) {
    // Right-holder roles join the "own" right holder; everyone else has an organisation of their own kind.
    sessions[role] = role.startsWith('right_holder')
      ? await t.factories.user(role, ownRightHolder.organisationId)
      : await t.factories.user(role);
    const organisationId = sessions[role].organisationId;
    if (!colleagues.has(organisationId))
      colleagues.set(organisationId, (await t.factories.user(colleagueRole(role), organisationId)).userId);
  }
  foreignUser = (await t.factories.user('right_holder_editor', foreignRightHolder.organisationId)).userId;
  await buildCases(worlds.own, sessions.officer!);
  const spanishCustoms = await t.factories.organisation('customs', 'ES');
  const spanishOfficer = await t.factories.user('officer', spanishCustoms.id);
  await buildCases(worlds.foreign, spanishOfficer);
  // Photos, uploads and conversations of the cases: rows in authorization-matrix.cases.ts.
  await prepareCaseFiles(worlds.own, sessions.officer!, ownRightHolder, Object.values(sessions));
  await prepareCaseFiles(worlds.foreign, spanishOfficer, foreignRightHolder, []);
  shareTarget = (await t.factories.organisation('customs', 'BE')).id;
  // Webhooks of the administrators' organisations and of the foreign right holder: authorization-matrix.notifications.ts.
  await prepareNotifications(
    worlds.own,
    [sessions.right_holder_admin!, sessions.administration_admin!],
    foreignRightHolder,
  );
});
afterAll(() => t.close());

const secretariatOnly = (ok: number) => (role: Role) => (role === 'secretariat_admin' ? ok : 403);
/** User management: the secretariat everywhere; an organisation's administrators in their own. */
const USER_MANAGERS: Role[] = ['secretariat_admin', 'administration_admin', 'right_holder_admin'];
const ownUsers = (ok: number) => (role: Role) => (USER_MANAGERS.includes(role) ? ok : 403);
const foreignUsers = (ok: number) => (role: Role) =>
  role === 'secretariat_admin' ? ok : USER_MANAGERS.includes(role) ? 404 : 403;
/** A role that fits the organisation the session's role belongs to. */
const colleagueRole = (role: Role): Role =>
  role === 'administration_admin' ? 'officer' : role === 'right_holder_admin' ? 'right_holder_editor' : role;
const colleagueOf = (s: Session) => colleagues.get(s.organisationId)!;
/**
 * Cases: customs (officers of the administration that opened it, admins of its country) and the
 * right holders of its lines; the secretariat and providers never. The own world's cases are the
 * officer's administration's (France, the admin's country) with the own right holder's lines;
 * the foreign world's are Spain's with another right holder's: every caller finds them "not found".
 */
const CUSTOMS: Role[] = ['officer', 'administration_admin'];
const caseReader = (role: Role, owner: Owner) =>
  CUSTOMS.includes(role) || isRH(role) ? (owner === 'own' ? 200 : 404) : 403;
const caseCustoms = (ok: number) => (role: Role, owner: Owner) =>
  CUSTOMS.includes(role) ? (owner === 'own' ? ok : 404) : 403;
/** Case settings: an administration's admin for its own; the secretariat for any customs (its own is not: 422). */
const caseSettings = (target: 'own' | 'foreign', ok: number) => (role: Role) =>
  role === 'secretariat_admin'
    ? target === 'own'
      ? 422
      : ok
    : role === 'administration_admin'
      ? target === 'own'
        ? ok
        : 404
      : 403;
const caseRightHolder = (ok: number) => (role: Role, owner: Owner) => (isRH(role) ? (owner === 'own' ? ok : 404) : 403);

const cases: MatrixCase[] = [
  ...catalogRows,
  {
    method: 'GET',
    route: '/api/v1/cases',
    url: () => '/api/v1/cases',
    expected: (r) => (CUSTOMS.includes(r) || isRH(r) ? 200 : 403),
  },
  {
    method: 'POST',
    route: '/api/v1/cases',
    url: () => '/api/v1/cases',
    body: (w) => ({ lines: [{ productId: w.product, quantity: 2 }] }),
    expected: (r) => (CUSTOMS.includes(r) ? 201 : 403),
  },
  // The filter choices of one's own list: whoever lists cases (counts only within what each sees: case-filters.test.ts).
  {
    method: 'GET',
    route: '/api/v1/cases/facets',
    url: () => '/api/v1/cases/facets',
    expected: (r) => (CUSTOMS.includes(r) || isRH(r) ? 200 : 403),
  },
  { method: 'GET', route: '/api/v1/cases/stats', url: () => '/api/v1/cases/stats', expected: secretariatOnly(200) },
  {
    method: 'GET',
    route: '/api/v1/cases/{id}',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}`,
    expected: caseReader,
  },
  // Right holders never see drafts.
  {
    method: 'GET',
    route: '/api/v1/cases/{id} (draft)',
    url: (w) => `/api/v1/cases/${w.caseDraft}`,
    expected: (r, o) => (isRH(r) ? 404 : caseReader(r, o)),
  },
  {
    method: 'PATCH',
    route: '/api/v1/cases/{id}',
    url: (w) => `/api/v1/cases/${w.caseDraft}`,
    body: () => ({ goodsLocation: 'Bay 4' }),
    expected: caseCustoms(200),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/{id}/submit',
    url: (w) => `/api/v1/cases/${w.caseDraft}/submit`,
    expected: caseCustoms(422),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/{id}/answer',
    url: (w) => `/api/v1/cases/${w.caseAnswered}/answer`,
    body: () => ({ verdict: 'counterfeit' }),
    expected: caseRightHolder(200),
  },
  // Allowed callers get past the policy to the workflow: a submitted case cannot be destroyed yet.
  {
    method: 'POST',
    route: '/api/v1/cases/{id}/transition',
    url: (w) => `/api/v1/cases/${w.caseDecided}/transition`,
    body: () => ({ to: 'destroyed', reason: 'Matrix' }),
    expected: caseCustoms(409),
  },
  // The owning administration (and its country's admin) moves the deadline; nobody else.
  {
    method: 'PUT',
    route: '/api/v1/cases/{id}/deadline',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/deadline`,
    body: () => ({ responseDeadline: '2099-12-31', reason: 'Matrix' }),
    expected: caseCustoms(200),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/{id}/shares',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/shares`,
    body: () => ({ organisationId: shareTarget }),
    expected: caseCustoms(200),
  },
  // Customs pick the administration to share a case with.
  {
    method: 'GET',
    route: '/api/v1/customs-administrations',
    url: () => '/api/v1/customs-administrations',
    expected: (r) => (CUSTOMS.includes(r) ? 200 : 403),
  },
  { method: 'GET', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', expected: () => 200 },
  // Everyone may change their own profile; there is no way to name another user's.
  {
    method: 'PATCH',
    route: '/api/v1/auth/me',
    url: () => '/api/v1/auth/me',
    body: () => ({ locale: 'es' }),
    expected: () => 200,
  },
  { method: 'GET', route: '/api/v1/organisations', url: () => '/api/v1/organisations', expected: () => 200 },
  {
    method: 'POST',
    route: '/api/v1/organisations',
    url: () => '/api/v1/organisations',
    body: () => ({ kind: 'right_holder', name: 'Matrix RH' }),
    expected: secretariatOnly(201),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/{id}',
    url: (_w, s) => `/api/v1/organisations/${s.organisationId}`,
    expected: () => 200,
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/{id} (foreign)',
    url: () => `/api/v1/organisations/${foreignRightHolder.organisationId}`,
    expected: (r) => (r === 'secretariat_admin' ? 200 : 404),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organisations/{id}',
    url: () => `/api/v1/organisations/${foreignRightHolder.organisationId}`,
    body: () => ({ name: 'Renamed by matrix' }),
    expected: secretariatOnly(200),
  },
  // Case settings: an administration's own admin, or the secretariat (whose own organisation is not customs).
  {
    method: 'GET',
    route: '/api/v1/organisations/{id}/case-settings',
    url: (_w, s) => `/api/v1/organisations/${s.organisationId}/case-settings`,
    expected: caseSettings('own', 200),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/{id}/case-settings (another administration)',
    url: () => `/api/v1/organisations/${sessions.officer!.organisationId}/case-settings`,
    expected: caseSettings('foreign', 200),
  },
  {
    method: 'PUT',
    route: '/api/v1/organisations/{id}/case-settings',
    url: (_w, s) => `/api/v1/organisations/${s.organisationId}/case-settings`,
    body: () => ({ responseWorkingDays: 10 }),
    expected: caseSettings('own', 200),
  },
  {
    method: 'PUT',
    route: '/api/v1/organisations/{id}/case-settings (another administration)',
    url: () => `/api/v1/organisations/${sessions.officer!.organisationId}/case-settings`,
    body: () => ({ responseWorkingDays: 10 }),
    expected: caseSettings('foreign', 200),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/{id}/users',
    url: (_w, s) => `/api/v1/organisations/${s.organisationId}/users`,
    expected: ownUsers(200),
  },
  {
    method: 'GET',
    route: '/api/v1/organisations/{id}/users (foreign)',
    url: () => `/api/v1/organisations/${foreignRightHolder.organisationId}/users`,
    expected: foreignUsers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: () => ({
      email: `m-${Math.random()}@test.example`,
      name: 'M',
      password: 'a long enough password',
      organisationId: foreignRightHolder.organisationId,
      role: 'right_holder_editor',
    }),
    expected: foreignUsers(201),
  },
  {
    method: 'POST',
    route: '/api/v1/users (own organisation)',
    url: () => '/api/v1/users',
    body: (_w, s) => ({
      email: `m-${Math.random()}@test.example`,
      name: 'M',
      organisationId: s.organisationId,
      role: colleagueRole(order.find((r) => sessions[r] === s)!),
    }),
    expected: ownUsers(201),
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/{id}',
    url: (_w, s) => `/api/v1/users/${colleagueOf(s)}`,
    body: () => ({ name: 'Renamed by matrix' }),
    expected: ownUsers(200),
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/{id} (foreign)',
    url: () => `/api/v1/users/${foreignUser}`,
    body: () => ({ name: 'Renamed by matrix' }),
    expected: foreignUsers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/users/{id}/invitation',
    url: (_w, s) => `/api/v1/users/${colleagueOf(s)}/invitation`,
    expected: ownUsers(201),
  },
  {
    method: 'POST',
    route: '/api/v1/users/{id}/invitation (foreign)',
    url: () => `/api/v1/users/${foreignUser}/invitation`,
    expected: foreignUsers(201),
  },
  {
    method: 'PUT',
    route: '/api/v1/users/{id}/memberships/{organisationId}',
    url: (_w, s) => `/api/v1/users/${colleagueOf(s)}/memberships/${s.organisationId}`,
    body: (_w, s) => ({ role: colleagueRole(order.find((r) => sessions[r] === s)!) }),
    expected: ownUsers(200),
  },
  {
    method: 'PUT',
    route: '/api/v1/users/{id}/memberships/{organisationId} (foreign)',
    url: () => `/api/v1/users/${foreignUser}/memberships/${foreignRightHolder.organisationId}`,
    body: () => ({ role: 'right_holder_editor' }),
    expected: foreignUsers(200),
  },
  // Allowed callers get past the policy to the rule that a user keeps their last membership.
  {
    method: 'DELETE',
    route: '/api/v1/users/{id}/memberships/{organisationId}',
    url: (_w, s) => `/api/v1/users/${colleagueOf(s)}/memberships/${s.organisationId}`,
    expected: ownUsers(409),
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/{id}/memberships/{organisationId} (foreign)',
    url: () => `/api/v1/users/${foreignUser}/memberships/${foreignRightHolder.organisationId}`,
    expected: foreignUsers(409),
  },
  ...caseFilesRows,
  ...notificationRows,
];

// Deletions of products, contacts and applications change the world: their own block, run last.
const destructive: MatrixCase[] = [
  {
    method: 'DELETE',
    route: '/api/v1/contacts/{id}',
    url: (w) => `/api/v1/contacts/${w.contact}`,
    expected: writeObject(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/applications-for-action/{id}',
    url: (w) => `/api/v1/applications-for-action/${w.application}`,
    expected: writeObject(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/alerts/{id}',
    url: (w) => `/api/v1/alerts/${w.alert}`,
    expected: writeObject(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/products/{id}',
    url: (w) => `/api/v1/products/${w.draft}`,
    expected: writeObject(200),
  },
];

const order: Role[] = [
  'provider_admin',
  'officer',
  'administration_admin',
  'secretariat_admin',
  'right_holder_editor',
  'right_holder_admin',
];

describe.each([...cases, ...destructive])('$method $route', (c) => {
  for (const owner of ['own', 'foreign'] as const) {
    it.each(order)(`%s on ${owner} data`, async (role) => {
      // Once a right-holder editor has deleted its own object, the admin finds it gone.
      const expected =
        destructive.includes(c) && role === 'right_holder_admin' && owner === 'own' ? 404 : c.expected(role, owner);
      const session = sessions[role]!;
      const response = await session.request(
        c.method,
        c.url(worlds[owner]!, session),
        c.body?.(worlds[owner]!, session),
        c.headers,
      );
      expect(response.statusCode, response.body).toBe(expected);
    });
  }
});

describe('the matrix', () => {
  it('has a row for every route of the API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const covered = new Set([...cases, ...destructive].map((c) => `${c.method} ${c.route.replace(/ \(.*\)$/, '')}`));
    // Public: the invitation link's token is the credential (organisations/invitations.test.ts).
    const publicRoutes = new Set([
      'GET /api/health',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'GET /api/v1/invitations/{token}',
      'POST /api/v1/invitations/{token}/accept',
    ]);
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (!covered.has(key) && !publicRoutes.has(key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });
});
