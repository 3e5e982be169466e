import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app';
import { organisations, sessions, users } from '../organisations/organisations.tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('password sign-in', () => {
  it('signs in with the right password and sets an httpOnly, SameSite session cookie', async () => {
    const officer = await t.factories.user('officer');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: officer.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().membership.role).toBe('officer');
    const cookie = response.cookies.find((c) => c.name === 'verity_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.path).toBe('/');
  });

  it('marks the cookie Secure when served over HTTPS (behind a trusted proxy)', async () => {
    const https = await createTestApp({ trustProxy: true });
    try {
      const user = await https.factories.user('officer');
      const response = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'verity_session')!.secure).toBe(true);
    } finally {
      await https.close();
    }
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const officer = await t.factories.user('officer');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: officer.email, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@test.example', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('stores only a hash of the session token and an argon2id hash of the password', async () => {
    const officer = await t.factories.user('officer');
    const token = officer.cookie.split('=')[1]!;
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, officer.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toBe(token);
    const [user] = await t.db.select().from(users).where(eq(users.id, officer.userId));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('tells the signed-in user who they are, and 401 without a session', async () => {
    const officer = await t.factories.user('officer');
    const me = await officer.request('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(officer.email);
    expect(me.json().membership.organisation.kind).toBe('customs');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('AUTH_REQUIRED');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'verity_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('users change their own name and language, and answers follow the new language at once', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh, { name: { en: 'Lamp', fr: 'Lampe' } });
    const officer = await t.factories.user('officer', undefined, { locale: 'en' });
    const gtin = product.identifiers[0]!.value;
    expect((await officer.request('POST', '/api/v1/identify', { input: gtin })).json().products[0].name).toBe('Lamp');
    const updated = await officer.request('PATCH', '/api/v1/auth/me', { name: 'Olivia', locale: 'fr' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().user).toMatchObject({ name: 'Olivia', locale: 'fr' });
    expect((await officer.request('POST', '/api/v1/identify', { input: gtin })).json().products[0].name).toBe('Lampe');
    expect((await officer.request('GET', '/api/v1/auth/me')).json().user.locale).toBe('fr');
    const cleared = await officer.request('PATCH', '/api/v1/auth/me', { locale: null });
    expect(cleared.json().user.locale).toBeNull();
    for (const bad of [{ locale: 'xx' }, { name: '' }, { email: 'new@test.example' }, { role: 'secretariat_admin' }]) {
      expect((await officer.request('PATCH', '/api/v1/auth/me', bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'fr' } })).statusCode,
    ).toBe(401);
  });

  it('ends the session on logout', async () => {
    const officer = await t.factories.user('officer');
    const logout = await officer.request('POST', '/api/v1/auth/logout');
    expect(logout.statusCode).toBe(200);
    expect((await officer.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses sign-in and ends sessions of a deactivated organisation', async () => {
    const officer = await t.factories.user('officer');
    await t.db.update(organisations).set({ active: false }).where(eq(organisations.id, officer.organisationId));
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // the session cache's lifetime
    expect((await officer.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: officer.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('AUTH_NO_MEMBERSHIP');
  });

  it('refuses every catalog route without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/products'],
      ['POST', '/api/v1/identify'],
      ['GET', '/api/v1/brands'],
      ['POST', '/api/v1/products'],
      ['GET', '/api/v1/contacts'],
      ['POST', '/api/v1/imports'],
    ] as const) {
      const response = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
