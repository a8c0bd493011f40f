import { bootstrapIdentity } from '../src/bootstrap';
import {
  ADMIN,
  json,
  newTenant,
  service,
  startIdentity,
  type IdentityFixture,
  type Tokens,
} from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = await startIdentity('id_staff');
});
afterAll(() => identity.close());

const owner = {
  email: 'Owner@Shop.example',
  password: 'merchant-pass-1',
  name: 'Olive Owner',
  role: 'owner',
};
type StaffCreated = Tokens & { staff: { id: string; email: string; name: string; role: string } };
const createStaff = (tenantId: string | undefined, body: unknown = owner, ctx = service(tenantId)) =>
  identity.call('/internal/staff', { body, ctx });

test('internal staff creation signs the owner in; only a retry with its creation key gets it back', async () => {
  const tenantId = newTenant();
  const creationKey = 'signup-creation-key-0123456789';
  const first = await createStaff(tenantId, { ...owner, creationKey });
  expect(first.status).toBe(201);
  const created = await json<StaffCreated>(first);
  expect(created.staff).toEqual({
    id: expect.stringMatching(/^stf_/),
    email: 'owner@shop.example',
    name: 'Olive Owner',
    role: 'owner',
  });
  expect(await identity.verify(created.accessToken)).toMatchObject({
    sub: created.staff.id,
    tid: tenantId,
    roles: ['staff', 'owner'],
    typ: 'access',
  });

  const retry = await createStaff(tenantId, { ...owner, email: 'owner@shop.example', creationKey });
  expect(retry.status).toBe(200);
  const retried = await json<StaffCreated>(retry);
  expect(retried.staff).toEqual(created.staff);
  expect(retried.refreshToken).not.toBe(created.refreshToken);

  // Creating an account is not a login: the right password without the key, or with another
  // key, is the same 409 as a wrong one, and no token.
  const answers = await Promise.all([
    createStaff(tenantId, owner),
    createStaff(tenantId, { ...owner, creationKey: 'another-creation-key-0123456789' }),
    createStaff(tenantId, { ...owner, password: 'someone-else-1' }),
    createStaff(tenantId, { ...owner, password: 'someone-else-1', creationKey }), // the key decides, never the password
  ]);
  const bodies = await Promise.all(answers.map((r) => json(r)));
  expect(answers.map((r) => r.status)).toEqual([409, 409, 409, 200]);
  for (const body of bodies.slice(0, 3)) {
    expect(body).toMatchObject({ code: 'email_taken' });
    expect(body).not.toHaveProperty('accessToken');
  }
  expect(await identity.owner('staff').where({ tenant_id: tenantId })).toHaveLength(1);
  expect((await createStaff(newTenant())).status).toBe(201); // another store, another account
});

test('a creation key returns its member only within the retry window', async () => {
  const tenantId = newTenant();
  const creationKey = 'late-retry-creation-key-0123456789';
  expect((await createStaff(tenantId, { ...owner, creationKey })).status).toBe(201);
  await identity
    .owner('staff')
    .where({ tenant_id: tenantId })
    .update({
      created_at: identity.owner.raw("now() - interval '21 minutes'"),
    });
  const late = await createStaff(tenantId, { ...owner, creationKey });
  expect(late.status).toBe(409);
  expect(await late.json()).toMatchObject({ code: 'email_taken' });
});

test('only services may create staff, and only for a tenant', async () => {
  const tenantId = newTenant();
  for (const kind of ['anonymous', 'customer', 'staff', 'platform_admin'] as const) {
    expect((await createStaff(tenantId, owner, { tenantId, actor: { kind, id: 'x' } })).status).toBe(403);
  }
  expect((await createStaff(undefined)).status).toBe(404);
  const bad = await createStaff(tenantId, { ...owner, role: 'god', password: 'short' });
  expect(bad.status).toBe(400);
  const problem = await json<{ errors: Array<{ path: string }> }>(bad);
  expect(problem.errors.map((e) => e.path).sort()).toEqual(['password', 'role']);
  expect(await identity.owner('staff').where({ tenant_id: tenantId })).toHaveLength(0);
});

test('staff sign in on the merchant door only; me shows their role; refresh keeps it', async () => {
  const tenantId = newTenant();
  const { staff } = await json<StaffCreated>(await createStaff(tenantId, { ...owner, role: 'admin' }));
  const credentials = { email: owner.email, password: owner.password };
  const res = await identity.call('/api/admin/auth/login', { body: credentials, ctx: { tenantId } });
  expect(res.status).toBe(200);
  const tokens = await json<Tokens>(res);
  expect((await identity.verify(tokens.accessToken)).roles).toEqual(['staff', 'admin']);
  expect(
    (await identity.call('/api/store/auth/login', { body: credentials, ctx: { tenantId } })).status,
  ).toBe(401);

  const me = await identity.call('/api/admin/me', {
    ctx: { tenantId, actor: { kind: 'staff', id: staff.id } },
  });
  expect(await me.json()).toEqual({
    id: staff.id,
    email: 'owner@shop.example',
    name: 'Olive Owner',
    role: 'admin',
  });
  const asCustomer = await identity.call('/api/admin/me', {
    ctx: { tenantId, actor: { kind: 'customer', id: staff.id } },
  });
  expect(asCustomer.status).toBe(401);

  const refreshed = await identity.call('/api/admin/auth/refresh', {
    body: { refreshToken: tokens.refreshToken },
    ctx: { tenantId },
  });
  expect((await identity.verify((await json<Tokens>(refreshed)).accessToken)).roles).toEqual([
    'staff',
    'admin',
  ]);
});

test('the configured platform admin signs in on the console; the token has no tenant', async () => {
  const res = await identity.call('/api/platform/auth/login', { body: ADMIN });
  expect(res.status).toBe(200);
  const tokens = await json<Tokens>(res);
  const claims = await identity.verify(tokens.accessToken);
  expect(claims).toMatchObject({
    sub: expect.stringMatching(/^adm_/),
    roles: ['platform_admin'],
    typ: 'access',
  });
  expect(claims).not.toHaveProperty('tid');

  const me = await identity.call('/api/platform/me', {
    ctx: { actor: { kind: 'platform_admin', id: claims.sub } },
  });
  expect(await me.json()).toEqual({ id: claims.sub, email: ADMIN.email, name: 'Platform admin' });

  const next = await identity.call('/api/platform/auth/refresh', {
    body: { refreshToken: tokens.refreshToken },
  });
  expect(next.status).toBe(200);
  const nextTokens = await json<Tokens>(next);
  const onStore = await identity.call('/api/store/auth/refresh', {
    body: { refreshToken: nextTokens.refreshToken },
    ctx: { tenantId: newTenant() },
  });
  expect(onStore.status).toBe(401);
  expect(
    (await identity.call('/api/platform/auth/logout', { body: { refreshToken: nextTokens.refreshToken } }))
      .status,
  ).toBe(204);
  expect(
    (await identity.call('/api/platform/auth/refresh', { body: { refreshToken: nextTokens.refreshToken } }))
      .status,
  ).toBe(401);
});

test('console endpoints are not served on store hosts', async () => {
  const tenantId = newTenant();
  expect((await identity.call('/api/platform/auth/login', { body: ADMIN, ctx: { tenantId } })).status).toBe(
    404,
  );
  expect(
    (await identity.call('/api/platform/auth/login', { body: { ...ADMIN, password: 'wrong-password' } }))
      .status,
  ).toBe(401);
});

test('booting again applies a changed admin password and keeps the admin', async () => {
  const [before] = await identity.owner('platform_admins').select('id', 'password_hash');
  await bootstrapIdentity(identity.deps, ADMIN);
  const [same] = await identity.owner('platform_admins').select('id', 'password_hash');
  expect(same).toEqual(before);

  await bootstrapIdentity(identity.deps, { email: ADMIN.email, password: 'rotated-admin-pass' });
  const rows = await identity.owner('platform_admins').select('id');
  expect(rows).toEqual([{ id: before.id }]);
  expect((await identity.call('/api/platform/auth/login', { body: ADMIN })).status).toBe(401);
  const fresh = await identity.call('/api/platform/auth/login', {
    body: { ...ADMIN, password: 'rotated-admin-pass' },
  });
  expect(fresh.status).toBe(200);
});
