import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('organisations and users (secretariat)', () => {
  it('the secretariat admits a customs administration and gives it an officer who can then sign in', async () => {
    const admin = await t.factories.user('secretariat_admin');
    const org = await admin.request('POST', '/api/v1/organisations', {
      kind: 'customs',
      name: 'Douane du Sénégal',
      country: 'SN',
    });
    expect(org.statusCode).toBe(201);
    expect(org.json()).toMatchObject({ kind: 'customs', country: 'SN', active: true });
    const user = await admin.request('POST', '/api/v1/users', {
      email: 'Awa.Diop@douanes.example',
      name: 'Awa Diop',
      password: TEST_PASSWORD,
      locale: 'fr',
      organisationId: org.json().id,
      role: 'officer',
    });
    expect(user.statusCode).toBe(201);
    expect(user.json().email).toBe('awa.diop@douanes.example');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'awa.diop@douanes.example', password: TEST_PASSWORD },
    });
    expect(signIn.json().membership.organisation).toMatchObject({ name: 'Douane du Sénégal', country: 'SN' });
    const users = await admin.request('GET', `/api/v1/organisations/${org.json().id}/users`);
    expect(users.json().items).toHaveLength(1);
  });

  it('requires a country for customs administrations and agencies', async () => {
    const admin = await t.factories.user('secretariat_admin');
    const response = await admin.request('POST', '/api/v1/organisations', {
      kind: 'agency',
      name: 'Health inspectorate',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('ORGANISATION_COUNTRY_REQUIRED');
    const lower = await admin.request('POST', '/api/v1/organisations', { kind: 'customs', name: 'X', country: 'fr' });
    expect(lower.statusCode).toBe(400);
  });

  it('refuses a role that does not fit the organisation, a taken e-mail and a short password', async () => {
    const admin = await t.factories.user('secretariat_admin');
    const rh = await t.factories.organisation('right_holder');
    const body = { email: `x-${Date.now()}@test.example`, name: 'X', password: TEST_PASSWORD, organisationId: rh.id };
    const wrongRole = await admin.request('POST', '/api/v1/users', { ...body, role: 'officer' });
    expect(wrongRole.statusCode).toBe(422);
    expect(wrongRole.json().error.code).toBe('USER_ROLE_NOT_ALLOWED');
    expect((await admin.request('POST', '/api/v1/users', { ...body, role: 'right_holder_editor' })).statusCode).toBe(
      201,
    );
    const taken = await admin.request('POST', '/api/v1/users', {
      ...body,
      email: body.email.toUpperCase(),
      role: 'right_holder_editor',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USER_EMAIL_TAKEN');
    const short = await admin.request('POST', '/api/v1/users', {
      ...body,
      email: 'short@test.example',
      password: 'short',
      role: 'right_holder_editor',
    });
    expect(short.statusCode).toBe(400);
  });

  it('deactivating an organisation signs its users out', async () => {
    const admin = await t.factories.user('secretariat_admin');
    const officer = await t.factories.user('officer');
    const response = await admin.request('PATCH', `/api/v1/organisations/${officer.organisationId}`, { active: false });
    expect(response.json().active).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // the session cache's lifetime
    expect((await officer.request('GET', '/api/v1/products')).statusCode).toBe(401);
  });

  it('pages through organisations with a cursor', async () => {
    const admin = await t.factories.user('secretariat_admin');
    for (let i = 0; i < 3; i++) await t.factories.organisation('right_holder');
    const first = (await admin.request('GET', '/api/v1/organisations?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await admin.request('GET', `/api/v1/organisations?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].name >= first.items[1].name).toBe(true);
    expect(second.items.map((o: { id: string }) => o.id)).not.toContain(first.items[0].id);
  });

  it('filters organisations by kind and by part of the name, any case, wildcards taken literally', async () => {
    const admin = await t.factories.user('secretariat_admin');
    const tag = Math.random().toString(36).slice(2, 8);
    for (const [kind, name] of [
      ['right_holder', `Maison ${tag} Lumière`],
      ['customs', `Douane ${tag}`],
      ['right_holder', `100%_${tag}`],
    ] as const)
      await admin.request('POST', '/api/v1/organisations', { kind, name, country: 'FR' });
    const names = async (query: string) =>
      (await admin.request('GET', `/api/v1/organisations?${query}`)).json().items.map((o: { name: string }) => o.name);
    expect(await names(`q=${tag.toUpperCase()}&kind=right_holder`)).toEqual([`100%_${tag}`, `Maison ${tag} Lumière`]);
    expect(await names(`q=${tag}&kind=customs`)).toEqual([`Douane ${tag}`]);
    expect(await names(`q=${encodeURIComponent(`%_${tag}`)}`)).toEqual([`100%_${tag}`]);
    expect((await admin.request('GET', '/api/v1/organisations?kind=pirates')).statusCode).toBe(400);
  });
});
