import { decodeProtectedHeader } from 'jose';
import { json, newTenant, startIdentity, type IdentityFixture, type Tokens } from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = await startIdentity('id_customers');
});
afterAll(() => identity.close());

const shopper = { email: 'Ada@Example.com', password: 'correct horse battery', name: 'Ada Lovelace' };
const register = (tenantId: string, body: unknown = shopper) =>
  identity.call('/api/store/auth/register', { body, ctx: { tenantId } });
const login = (tenantId: string, email: string, password: string) =>
  identity.call('/api/store/auth/login', { body: { email, password }, ctx: { tenantId } });

test('register, log in and read me; the access token verifies against the JWKS with the right claims', async () => {
  const tenantId = newTenant();
  const res = await register(tenantId);
  expect(res.status).toBe(201);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const registered = await json<Tokens & { customer: { id: string; email: string; name: string } }>(res);
  expect(registered.customer).toEqual({
    id: expect.stringMatching(/^cus_/),
    email: 'ada@example.com',
    name: 'Ada Lovelace',
  });
  expect(registered.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
  expect(registered.expiresIn).toBe(900);

  const loggedIn = await login(tenantId, 'ADA@example.COM ', shopper.password);
  expect(loggedIn.status).toBe(200);
  const tokens = await json<Tokens>(loggedIn);
  expect(Object.keys(tokens).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);

  const claims = await identity.verify(tokens.accessToken);
  expect(claims).toMatchObject({
    iss: 'http://identity.test',
    aud: 'fleet',
    sub: registered.customer.id,
    tid: tenantId,
    roles: ['customer'],
    typ: 'access',
  });
  expect(claims.jti).toEqual(expect.any(String));
  expect(claims.exp! - claims.iat!).toBe(900);
  expect(decodeProtectedHeader(tokens.accessToken)).toMatchObject({
    alg: 'RS256',
    kid: expect.stringMatching(/^key_/),
  });

  const me = await identity.call('/api/store/me', {
    ctx: { tenantId, actor: { kind: 'customer', id: claims.sub, roles: ['customer'] } },
  });
  expect(me.status).toBe(200);
  expect(await me.json()).toEqual({
    id: registered.customer.id,
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
});

test('registration emits customer.registered and the verification e-mail in its transaction; a taken email is 409 and emits nothing', async () => {
  const tenantId = newTenant();
  const first = await json<{ customer: { id: string } }>(await register(tenantId));
  const again = await register(tenantId, { ...shopper, email: ' ADA@example.com' });
  expect(again.status).toBe(409);
  expect(await again.json()).toMatchObject({ code: 'email_taken' });
  const events = await identity
    .owner('outbox')
    .where({ tenant_id: tenantId })
    .orderBy('seq')
    .select('type', 'envelope');
  expect(events.map((e: { type: string }) => e.type)).toEqual([
    'customer.registered',
    'identity.email_verification_requested',
  ]);
  expect(events[0]).toMatchObject({
    type: 'customer.registered',
    envelope: {
      tenantId,
      data: { customer: { id: first.customer.id, email: 'ada@example.com', name: 'Ada Lovelace' } },
    },
  });
  expect(JSON.stringify(events[0].envelope)).not.toContain(shopper.password);
});

test('me needs a signed-in customer of this store', async () => {
  const tenantId = newTenant();
  const { customer } = await json<{ customer: { id: string } }>(await register(tenantId));
  const anonymous = await identity.call('/api/store/me', { ctx: { tenantId } });
  const staff = await identity.call('/api/store/me', {
    ctx: { tenantId, actor: { kind: 'staff', id: customer.id } },
  });
  const otherStore = await identity.call('/api/store/me', {
    ctx: { tenantId: newTenant(), actor: { kind: 'customer', id: customer.id } },
  });
  expect([anonymous.status, staff.status, otherStore.status]).toEqual([401, 401, 401]);
  const noStore = await identity.call('/api/store/me', {
    ctx: { actor: { kind: 'customer', id: customer.id } },
  });
  expect(noStore.status).toBe(404);
});

test('a wrong password and an unknown email get the same 401', async () => {
  const tenantId = newTenant();
  await register(tenantId);
  const wrong = await login(tenantId, shopper.email, 'not the password');
  const unknown = await login(tenantId, 'nobody@example.com', shopper.password);
  expect([wrong.status, unknown.status]).toEqual([401, 401]);
  const [a, b] = [await wrong.json(), await unknown.json()];
  expect(a).toEqual(b);
  expect(a).toMatchObject({ code: 'invalid_credentials' });
});

test('stores are separate: same email on two stores, no cross-store login or refresh', async () => {
  const [storeA, storeB] = [newTenant(), newTenant()];
  const onA = await json<Tokens>(await register(storeA));
  expect((await login(storeB, shopper.email, shopper.password)).status).toBe(401);
  const refreshOnB = await identity.call('/api/store/auth/refresh', {
    body: { refreshToken: onA.refreshToken },
    ctx: { tenantId: storeB },
  });
  expect(refreshOnB.status).toBe(401);

  const onB = await register(storeB, { ...shopper, name: 'Ada on B' });
  expect(onB.status).toBe(201);
  const claimsB = await identity.verify((await json<Tokens>(onB)).accessToken);
  expect(claimsB.tid).toBe(storeB);
  expect((await login(storeA, shopper.email, shopper.password)).status).toBe(200);
  // A's session still works on A: B's request did not disturb it.
  const refreshOnA = await identity.call('/api/store/auth/refresh', {
    body: { refreshToken: onA.refreshToken },
    ctx: { tenantId: storeA },
  });
  expect(refreshOnA.status).toBe(200);
});

test('store auth needs a store host', async () => {
  const res = await identity.call('/api/store/auth/register', { body: shopper });
  expect(res.status).toBe(404);
  expect(await res.json()).toMatchObject({ code: 'store_not_found' });
});

test.each([
  [{ ...shopper, email: 'not-an-email' }, ['email']],
  [{ ...shopper, password: 'short' }, ['password']],
  [{ ...shopper, password: 'x'.repeat(129) }, ['password']],
  [{ ...shopper, name: '  ' }, ['name']],
  [{ email: 'a@b', password: 1 }, ['email', 'password', 'name']],
  [{ ...shopper, isAdmin: true }, ['isAdmin']],
])('bad registration %# is a 400 naming each field and creates nothing', async (body, fields) => {
  const tenantId = newTenant();
  const res = await register(tenantId, body);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json<{ errors: Array<{ path: string }> }>(res);
  expect(problem.errors.map((e) => e.path).sort()).toEqual([...fields].sort());
  expect(await identity.owner('customers').where({ tenant_id: tenantId })).toHaveLength(0);
  expect(await identity.owner('outbox').where({ tenant_id: tenantId })).toHaveLength(0);
});

test('secrets never leave the service; passwords are stored as scrypt hashes only', async () => {
  const tenantId = newTenant();
  const bodies = [
    await (await register(tenantId)).text(),
    await (await login(tenantId, shopper.email, shopper.password)).text(),
    await (await login(tenantId, shopper.email, 'wrong password')).text(),
  ];
  const [row] = await identity.owner('customers').where({ tenant_id: tenantId });
  // The fixture hashes at 2^12 (TEST_PASSWORD_HASH_COST); production at 2^17 (passwords.test.ts).
  expect(row.password_hash).toMatch(/^scrypt\$4096\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
  for (const body of bodies) {
    expect(body).not.toContain(shopper.password);
    expect(body).not.toContain('scrypt');
    expect(body).not.toContain('password_hash');
  }
  const tokens = await identity.owner('refresh_tokens').where({ tenant_id: tenantId }).select('token_hash');
  const issued = JSON.parse(bodies[1]!) as Tokens;
  expect(tokens.map((t: { token_hash: string }) => t.token_hash)).not.toContain(issued.refreshToken);
});
