import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import type { FastifyRequest } from 'fastify';
import { invitationLinkOf } from './invitation-links';
import { invitations, users } from './organisations.tables';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.factories.user('secretariat_admin');
});
afterAll(() => t.close());

const NEW_PASSWORD = 'a brand new long password';

async function invite(organisationId: string, role = 'right_holder_editor') {
  const email = `invited-${Math.random().toString(36).slice(2)}@test.example`;
  const response = await admin.request('POST', '/api/v1/users', { email, name: 'Invitee', organisationId, role });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ id: string; passwordSet: boolean; invitation: { url: string; expiresAt: string } }>();
  return { ...body, email, token: body.invitation.url.split('/invite/')[1]! };
}

const describeLink = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
const accept = (token: string, body: object = { password: NEW_PASSWORD }) =>
  t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: body });
const signIn = (email: string, password = NEW_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('invitations', () => {
  it('a user created without a password gets a one-time link valid for 7 days, stored only as a hash', async () => {
    const org = await t.factories.organisation('right_holder');
    const before = Date.now();
    const invited = await invite(org.id);
    expect(invited.passwordSet).toBe(false);
    expect(invited.invitation.url).toMatch(/^http:\/\/localhost(:\d+)?\/invite\/[\w-]{43}$/);
    const days = (Date.parse(invited.invitation.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.userId, invited.id));
    expect(row!.tokenHash).not.toContain(invited.token);
    expect((await signIn(invited.email, 'any password at all')).statusCode).toBe(401);
  });

  it('the link says who is invited, to which organisation and with which role', async () => {
    const org = await t.factories.organisation('right_holder');
    const invited = await invite(org.id, 'right_holder_admin');
    const response = await describeLink(invited.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Invitee',
      email: invited.email,
      role: 'right_holder_admin',
      organisation: { name: org.name, kind: 'right_holder' },
    });
  });

  it('builds the link on the origin the proxy names, when the proxy is trusted', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const secretariat = await proxied.factories.user('secretariat_admin');
      const org = await proxied.factories.organisation('customs');
      const response = await secretariat.request(
        'POST',
        '/api/v1/users',
        { email: `p-${Date.now()}@test.example`, name: 'P', organisationId: org.id, role: 'officer' },
        { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'verity.example.org' },
      );
      expect(response.json().invitation.url).toMatch(/^https:\/\/verity\.example\.org\/invite\//);
    } finally {
      await proxied.close();
    }
  });

  it('accepting sets the password, signs in with the session cookie and spends the link', async () => {
    const org = await t.factories.organisation('right_holder');
    const invited = await invite(org.id);
    const accepted = await accept(invited.token, { password: NEW_PASSWORD, name: 'Ines' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      user: { email: invited.email, name: 'Ines' },
      membership: { role: 'right_holder_editor', organisation: { id: org.id } },
    });
    const cookie = accepted.cookies.find((c) => c.name === 'verity_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `verity_session=${cookie.value}` },
    });
    expect(me.json().user.email).toBe(invited.email);
    const [user] = await t.db.select().from(users).where(eq(users.id, invited.id));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signIn(invited.email)).statusCode).toBe(200);
    // Single use: the link is now as invalid as an unknown one.
    for (const again of [await accept(invited.token), await describeLink(invited.token)]) {
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe('INVITATION_INVALID');
    }
  });

  it('unknown, expired and replaced links all answer INVITATION_INVALID', async () => {
    const org = await t.factories.organisation('right_holder');
    const expired = await invite(org.id);
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.userId, expired.id));
    const replaced = await invite(org.id);
    const reissued = await admin.request('POST', `/api/v1/users/${replaced.id}/invitation`);
    expect(reissued.statusCode).toBe(201);
    const newToken = reissued.json().url.split('/invite/')[1];
    for (const token of ['unknown-token', expired.token, replaced.token]) {
      for (const response of [await describeLink(token), await accept(token)]) {
        expect(response.statusCode, token).toBe(404);
        expect(response.json().error.code).toBe('INVITATION_INVALID');
      }
    }
    expect((await accept(newToken)).statusCode).toBe(200);
  });

  it('a re-invitation of a user who has a password lets them choose a new one', async () => {
    const officer = await t.factories.user('officer');
    const link = (await admin.request('POST', `/api/v1/users/${officer.userId}/invitation`)).json();
    expect((await accept(link.url.split('/invite/')[1])).statusCode).toBe(200);
    expect((await signIn(officer.email)).statusCode).toBe(200);
  });

  it('refuses a short password without spending the link', async () => {
    const org = await t.factories.organisation('right_holder');
    const invited = await invite(org.id);
    const short = await accept(invited.token, { password: 'too short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('VALIDATION_FAILED');
    expect((await describeLink(invited.token)).statusCode).toBe(200);
  });

  it('a deactivated user’s links stop working, and they cannot be re-invited until reactivated', async () => {
    const org = await t.factories.organisation('right_holder');
    const invited = await invite(org.id);
    await admin.request('PATCH', `/api/v1/users/${invited.id}`, { active: false });
    expect((await describeLink(invited.token)).json().error.code).toBe('INVITATION_INVALID');
    expect((await accept(invited.token)).statusCode).toBe(404);
    const refused = await admin.request('POST', `/api/v1/users/${invited.id}/invitation`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('USER_DEACTIVATED');
    await admin.request('PATCH', `/api/v1/users/${invited.id}`, { active: true });
    const link = (await admin.request('POST', `/api/v1/users/${invited.id}/invitation`)).json();
    expect((await accept(link.url.split('/invite/')[1])).statusCode).toBe(200);
  });

  it('accepting from another site is refused (CSRF)', async () => {
    const org = await t.factories.organisation('right_holder');
    const invited = await invite(org.id);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${invited.token}/accept`,
      headers: { origin: 'https://evil.example' },
      payload: { password: NEW_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('AUTH_CSRF_REJECTED');
    expect((await describeLink(invited.token)).statusCode).toBe(200);
  });

  it('logs the link (with the e-mail) only when told to: demo mode, never production', () => {
    const logged: unknown[][] = [];
    const request = {
      protocol: 'https',
      host: 'verity.example.org',
      log: { info: (...args: unknown[]) => logged.push(args) },
    } as unknown as FastifyRequest;
    const issued = { token: 'secret-token', expiresAt: new Date('2030-01-01T00:00:00Z') };
    expect(invitationLinkOf(request, issued, 'a@test.example', false)).toEqual({
      url: 'https://verity.example.org/invite/secret-token',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    expect(logged).toEqual([]);
    invitationLinkOf(request, issued, 'a@test.example', true);
    expect(logged).toEqual([
      [{ email: 'a@test.example', url: 'https://verity.example.org/invite/secret-token' }, 'invitation link'],
    ]);
  });
});
