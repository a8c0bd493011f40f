import type { Ctx } from '@fleet/context';
import { checkingContract } from '@fleet/testing';
import {
  json,
  newTenant,
  service,
  startIdentity,
  type IdentityFixture,
  type Tokens,
} from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = checkingContract(await startIdentity('id_tokens'), { bodyPosts: true });
});
afterAll(() => identity.close());

const shopper = (tenantId: string): Partial<Ctx> => ({ tenantId });

interface TokenEvent {
  type: string;
  tenantId: string;
  data: { audience: string; email: string; name: string; token: string; expiresAt: string };
}

/** The identity events written to the outbox for this tenant (what notification receives). */
async function tokenEvents(tenantId: string, type: string): Promise<TokenEvent[]> {
  const rows = await identity
    .owner('outbox')
    .where({ tenant_id: tenantId, type })
    .orderBy('seq')
    .select('envelope');
  return rows.map((r: { envelope: TokenEvent }) => r.envelope);
}

async function register(tenantId: string, email: string, password = 'first-pass-123'): Promise<Tokens> {
  const res = await identity.call('/api/store/auth/register', {
    body: { email, password, name: 'Sam' },
    ctx: shopper(tenantId),
  });
  expect(res.status).toBe(201);
  return json<Tokens>(res);
}

const post = (tenantId: string, path: string, body: unknown, ctx: Partial<Ctx> = shopper(tenantId)) =>
  identity.call(path, { body, ctx });

test('a customer resets the password with the e-mailed token: once, and every session ends', async () => {
  const tenantId = newTenant();
  const session = await register(tenantId, 'sam@example.com');
  const asked = await post(tenantId, '/api/store/auth/password-reset', { email: 'SAM@example.com' });
  expect(asked.status).toBe(202);
  const [event] = await tokenEvents(tenantId, 'identity.password_reset_requested');
  expect(event!.data).toMatchObject({ audience: 'customer', email: 'sam@example.com', name: 'Sam' });
  expect(event!.data.token).toMatch(/^pwr_[A-Za-z0-9_-]{43}$/);
  // only its hash is stored
  const stored = await identity.owner('account_tokens').where({ tenant_id: tenantId }).select('token_hash');
  expect(JSON.stringify(stored)).not.toContain(event!.data.token);

  const confirm = { token: event!.data.token, password: 'second-pass-456' };
  expect((await post(tenantId, '/api/store/auth/password-reset/confirm', confirm)).status).toBe(204);
  expect((await post(tenantId, '/api/store/auth/password-reset/confirm', confirm)).status).toBe(404);
  const login = (password: string) =>
    post(tenantId, '/api/store/auth/login', { email: 'sam@example.com', password });
  expect((await login('first-pass-123')).status).toBe(401);
  expect((await login('second-pass-456')).status).toBe(200);
  const refresh = await post(tenantId, '/api/store/auth/refresh', { refreshToken: session.refreshToken });
  expect(refresh.status).toBe(401);
});

test('no account enumeration: an unknown address gets the same 202 and no event', async () => {
  const tenantId = newTenant();
  await register(tenantId, 'known@example.com');
  const unknown = await post(tenantId, '/api/store/auth/password-reset', { email: 'nobody@example.com' });
  expect(unknown.status).toBe(202);
  expect(await unknown.text()).toBe('');
  expect(await tokenEvents(tenantId, 'identity.password_reset_requested')).toEqual([]);
  // a repeat within the cooldown sends nothing more, with the same answer
  expect(
    (await post(tenantId, '/api/store/auth/password-reset', { email: 'known@example.com' })).status,
  ).toBe(202);
  expect(
    (await post(tenantId, '/api/store/auth/password-reset', { email: 'known@example.com' })).status,
  ).toBe(202);
  expect(await tokenEvents(tenantId, 'identity.password_reset_requested')).toHaveLength(1);
});

test('registration e-mails a verification link; the token verifies once', async () => {
  const tenantId = newTenant();
  await register(tenantId, 'new@example.com');
  const [event] = await tokenEvents(tenantId, 'identity.email_verification_requested');
  expect(event!.data).toMatchObject({ audience: 'customer', email: 'new@example.com' });
  expect(event!.data.token).toMatch(/^vfy_/);
  const verified = async () =>
    (await identity.owner('customers').where({ tenant_id: tenantId }).first('email_verified_at'))
      .email_verified_at;
  expect(await verified()).toBeNull();
  expect((await post(tenantId, '/api/store/auth/verify-email', { token: event!.data.token })).status).toBe(
    204,
  );
  expect(await verified()).toBeInstanceOf(Date);
  expect((await post(tenantId, '/api/store/auth/verify-email', { token: event!.data.token })).status).toBe(
    404,
  );
  // verified: asking again sends nothing
  await post(tenantId, '/api/store/auth/verify-email/request', { email: 'new@example.com' });
  expect(await tokenEvents(tenantId, 'identity.email_verification_requested')).toHaveLength(1);
});

test('staff reset on the admin door; a customer token does not work there, nor in another store', async () => {
  const tenantId = newTenant();
  const made = await identity.call('/internal/staff', {
    body: { email: 'owner@shop.example', password: 'owner-pass-123', name: 'Olive', role: 'owner' },
    ctx: service(tenantId),
  });
  expect(made.status).toBe(201);
  await register(tenantId, 'owner@shop.example'); // a customer with the same address
  await post(tenantId, '/api/admin/auth/password-reset', { email: 'owner@shop.example' });
  await post(tenantId, '/api/store/auth/password-reset', { email: 'owner@shop.example' });
  const events = await tokenEvents(tenantId, 'identity.password_reset_requested');
  const staffToken = events.find((e) => e.data.audience === 'staff')!.data.token;
  const customerToken = events.find((e) => e.data.audience === 'customer')!.data.token;

  const other = newTenant();
  const password = 'owner-pass-456';
  expect(
    (await post(other, '/api/admin/auth/password-reset/confirm', { token: staffToken, password })).status,
  ).toBe(404);
  expect(
    (await post(tenantId, '/api/admin/auth/password-reset/confirm', { token: customerToken, password }))
      .status,
  ).toBe(404);
  expect(
    (await post(tenantId, '/api/admin/auth/password-reset/confirm', { token: staffToken, password })).status,
  ).toBe(204);
  const login = await post(tenantId, '/api/admin/auth/login', { email: 'owner@shop.example', password });
  expect(login.status).toBe(200);
  // the customer account is untouched
  const customer = await post(tenantId, '/api/store/auth/login', { email: 'owner@shop.example', password });
  expect(customer.status).toBe(401);
});

test('an expired token is refused; bad input is a 400 that changes nothing', async () => {
  const tenantId = newTenant();
  await register(tenantId, 'late@example.com');
  await post(tenantId, '/api/store/auth/password-reset', { email: 'late@example.com' });
  const [event] = await tokenEvents(tenantId, 'identity.password_reset_requested');
  await identity
    .owner('account_tokens')
    .where({ tenant_id: tenantId })
    .update({ expires_at: new Date(Date.now() - 1000) });
  const late = await post(tenantId, '/api/store/auth/password-reset/confirm', {
    token: event!.data.token,
    password: 'another-pass-1',
  });
  expect(late.status).toBe(404);
  for (const [path, body] of [
    ['/api/store/auth/password-reset', { email: 'not-an-email' }],
    ['/api/store/auth/password-reset', { email: 'a@b.co', extra: 1 }],
    ['/api/store/auth/password-reset/confirm', { token: 'pwr_short', password: 'another-pass-1' }],
    ['/api/store/auth/password-reset/confirm', { token: event!.data.token, password: 'short' }],
    ['/api/store/auth/verify-email', { token: event!.data.token }],
    ['/api/admin/auth/verify-email/request', {}],
  ] as const) {
    const res = await post(tenantId, path, body);
    expect([path, res.status]).toEqual([path, 400]);
  }
  // no store on the host: nothing to reset
  expect((await identity.call('/api/store/auth/password-reset', { body: { email: 'a@b.co' } })).status).toBe(
    404,
  );
});
