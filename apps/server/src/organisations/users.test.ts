import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type Session, type TestApp } from '../../test/test-app';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.factories.user('secretariat_admin');
});
afterAll(() => t.close());

const signIn = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });

describe('deactivating and reactivating users', () => {
  it('deactivation cuts a live session and refuses sign-in; reactivation allows it again', async () => {
    const officer = await t.factories.user('officer');
    expect((await officer.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const response = await admin.request('PATCH', `/api/v1/users/${officer.userId}`, { active: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: false, passwordSet: true });
    const next = await officer.request('GET', '/api/v1/auth/me');
    expect(next.statusCode).toBe(401);
    expect(next.json().error.code).toBe('AUTH_REQUIRED');
    const refused = await signIn(officer.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
    // The old cookie stays dead after reactivation: the sessions were revoked, not paused.
    expect((await admin.request('PATCH', `/api/v1/users/${officer.userId}`, { active: true })).json().active).toBe(
      true,
    );
    expect((await officer.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await signIn(officer.email)).statusCode).toBe(200);
  });

  it('renames a user', async () => {
    const officer = await t.factories.user('officer');
    const response = await admin.request('PATCH', `/api/v1/users/${officer.userId}`, { name: 'Nadia Benali' });
    expect(response.json()).toMatchObject({ name: 'Nadia Benali', active: true });
  });

  it('an administrator cannot deactivate themselves', async () => {
    const response = await admin.request('PATCH', `/api/v1/users/${admin.userId}`, { active: false });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('USER_SELF_CHANGE_REFUSED');
    expect((await admin.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('an unknown user is USER_NOT_FOUND', async () => {
    const response = await admin.request('PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', {
      active: false,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('USER_NOT_FOUND');
  });
});

describe('roles', () => {
  it('changes a role within the organisation, and the user’s session follows it', async () => {
    const rh = await t.factories.user('right_holder_editor');
    const response = await admin.request('PUT', `/api/v1/users/${rh.userId}/memberships/${rh.organisationId}`, {
      role: 'right_holder_admin',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().memberships).toEqual([{ organisationId: rh.organisationId, role: 'right_holder_admin' }]);
    expect((await rh.request('GET', '/api/v1/auth/me')).json().membership.role).toBe('right_holder_admin');
  });

  it('adds a membership in a second organisation and removes it again, but never the last one', async () => {
    const rh = await t.factories.user('right_holder_editor');
    const second = await t.factories.organisation('right_holder');
    const added = await admin.request('PUT', `/api/v1/users/${rh.userId}/memberships/${second.id}`, {
      role: 'right_holder_editor',
    });
    expect(added.json().memberships).toHaveLength(2);
    const removed = await admin.request('DELETE', `/api/v1/users/${rh.userId}/memberships/${second.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().memberships).toEqual([{ organisationId: rh.organisationId, role: 'right_holder_editor' }]);
    const last = await admin.request('DELETE', `/api/v1/users/${rh.userId}/memberships/${rh.organisationId}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('USER_LAST_MEMBERSHIP');
    const none = await admin.request('DELETE', `/api/v1/users/${rh.userId}/memberships/${second.id}`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('MEMBERSHIP_NOT_FOUND');
  });

  it('refuses a role that does not fit the organisation’s kind, and unknown organisations', async () => {
    const rh = await t.factories.user('right_holder_editor');
    const customs = await t.factories.organisation('customs');
    for (const [orgId, role] of [
      [rh.organisationId, 'officer'],
      [customs.id, 'right_holder_admin'],
      [rh.organisationId, 'secretariat_admin'],
    ] as const) {
      const response = await admin.request('PUT', `/api/v1/users/${rh.userId}/memberships/${orgId}`, { role });
      expect(response.statusCode, role).toBe(422);
      expect(response.json().error.code).toBe('USER_ROLE_NOT_ALLOWED');
    }
    const unknown = await admin.request(
      'PUT',
      `/api/v1/users/${rh.userId}/memberships/00000000-0000-4000-8000-000000000000`,
      { role: 'officer' },
    );
    expect(unknown.json().error.code).toBe('ORGANISATION_NOT_FOUND');
    const bad = await admin.request('PUT', `/api/v1/users/${rh.userId}/memberships/${customs.id}`, { role: 'king' });
    expect(bad.statusCode).toBe(400);
  });

  it('an administrator cannot change their own roles', async () => {
    const response = await admin.request('PUT', `/api/v1/users/${admin.userId}/memberships/${admin.organisationId}`, {
      role: 'secretariat_admin',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('USER_SELF_CHANGE_REFUSED');
  });
});

describe('an organisation’s own administrator', () => {
  it('invites a colleague into their organisation and manages them', async () => {
    const rhAdmin = await t.factories.user('right_holder_admin');
    const created = await rhAdmin.request('POST', '/api/v1/users', {
      email: `colleague-${Date.now()}@test.example`,
      name: 'Colleague',
      organisationId: rhAdmin.organisationId,
      role: 'right_holder_editor',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().invitation.url).toContain('/invite/');
    const id = created.json().id;
    const users = await rhAdmin.request('GET', `/api/v1/organisations/${rhAdmin.organisationId}/users`);
    expect(users.json().items.map((u: { id: string }) => u.id)).toContain(id);
    expect((await rhAdmin.request('POST', `/api/v1/users/${id}/invitation`)).statusCode).toBe(201);
    const promoted = await rhAdmin.request('PUT', `/api/v1/users/${id}/memberships/${rhAdmin.organisationId}`, {
      role: 'right_holder_admin',
    });
    expect(promoted.statusCode).toBe(200);
    expect((await rhAdmin.request('PATCH', `/api/v1/users/${id}`, { active: false })).json().active).toBe(false);
  });

  it('cannot reach other organisations or their users: they look as if they did not exist', async () => {
    const customsAdmin = await t.factories.user('administration_admin');
    const otherOfficer = await t.factories.user('officer');
    const foreignOrg = otherOfficer.organisationId;
    const create = await customsAdmin.request('POST', '/api/v1/users', {
      email: `x-${Date.now()}@test.example`,
      name: 'X',
      organisationId: foreignOrg,
      role: 'officer',
    });
    expect(create.json().error.code).toBe('ORGANISATION_NOT_FOUND');
    expect((await customsAdmin.request('GET', `/api/v1/organisations/${foreignOrg}/users`)).statusCode).toBe(404);
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/users/${otherOfficer.userId}`, { active: false }],
      ['POST', `/api/v1/users/${otherOfficer.userId}/invitation`, undefined],
      ['PUT', `/api/v1/users/${otherOfficer.userId}/memberships/${foreignOrg}`, { role: 'administration_admin' }],
      ['DELETE', `/api/v1/users/${otherOfficer.userId}/memberships/${foreignOrg}`, undefined],
    ] as const) {
      const response = await customsAdmin.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('USER_NOT_FOUND');
    }
    expect((await otherOfficer.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('cannot manage a colleague who also belongs to another organisation', async () => {
    const rhAdmin = await t.factories.user('right_holder_admin');
    const shared = await t.factories.user('right_holder_editor', rhAdmin.organisationId);
    const elsewhere = await t.factories.organisation('right_holder');
    await admin.request('PUT', `/api/v1/users/${shared.userId}/memberships/${elsewhere.id}`, {
      role: 'right_holder_editor',
    });
    const response = await rhAdmin.request('PATCH', `/api/v1/users/${shared.userId}`, { active: false });
    expect(response.statusCode).toBe(404);
  });

  it('cannot give a role into another organisation, nor hand out roles of another kind', async () => {
    const rhAdmin = await t.factories.user('right_holder_admin');
    const colleague = await t.factories.user('right_holder_editor', rhAdmin.organisationId);
    const elsewhere = await t.factories.organisation('right_holder');
    const foreign = await rhAdmin.request('PUT', `/api/v1/users/${colleague.userId}/memberships/${elsewhere.id}`, {
      role: 'right_holder_editor',
    });
    expect(foreign.json().error.code).toBe('ORGANISATION_NOT_FOUND');
    const secretariat = await rhAdmin.request(
      'PUT',
      `/api/v1/users/${colleague.userId}/memberships/${rhAdmin.organisationId}`,
      { role: 'secretariat_admin' },
    );
    expect(secretariat.json().error.code).toBe('USER_ROLE_NOT_ALLOWED');
  });

  it('editors and officers may not manage users at all', async () => {
    for (const role of ['right_holder_editor', 'officer', 'provider_admin'] as const) {
      const session = await t.factories.user(role);
      const response = await session.request('GET', `/api/v1/organisations/${session.organisationId}/users`);
      expect(response.statusCode, role).toBe(403);
    }
  });
});
