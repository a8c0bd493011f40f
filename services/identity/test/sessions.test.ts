import { json, newTenant, startIdentity, type IdentityFixture, type Tokens } from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = await startIdentity('id_sessions');
});
afterAll(() => identity.close());

const shopper = { email: 'grace@example.com', password: 'compilers-rule-1', name: 'Grace Hopper' };

async function signedUp(): Promise<{ tenantId: string; tokens: Tokens }> {
  const tenantId = newTenant();
  const res = await identity.call('/api/store/auth/register', { body: shopper, ctx: { tenantId } });
  return { tenantId, tokens: await json<Tokens>(res) };
}
const refresh = (tenantId: string, refreshToken: string) =>
  identity.call('/api/store/auth/refresh', { body: { refreshToken }, ctx: { tenantId } });
const logout = (tenantId: string, refreshToken: string) =>
  identity.call('/api/store/auth/logout', { body: { refreshToken }, ctx: { tenantId } });

test('refresh rotates: a new pair for the same subject, and the old refresh token is refused', async () => {
  const { tenantId, tokens } = await signedUp();
  const res = await refresh(tenantId, tokens.refreshToken);
  expect(res.status).toBe(200);
  const next = await json<Tokens>(res);
  expect(next.refreshToken).not.toBe(tokens.refreshToken);
  expect(next.expiresIn).toBe(900);
  const [before, after] = [
    await identity.verify(tokens.accessToken),
    await identity.verify(next.accessToken),
  ];
  expect(after).toMatchObject({ sub: before.sub, tid: tenantId, roles: ['customer'] });
  expect(after.jti).not.toBe(before.jti);

  const replay = await refresh(tenantId, tokens.refreshToken);
  expect(replay.status).toBe(401);
  expect(await replay.json()).toMatchObject({ code: 'invalid_refresh_token' });
});

test('replaying a rotated refresh token revokes the whole family (theft detection)', async () => {
  const { tenantId, tokens } = await signedUp();
  const second = await json<Tokens>(await refresh(tenantId, tokens.refreshToken));
  const third = await json<Tokens>(await refresh(tenantId, second.refreshToken));
  expect((await refresh(tenantId, tokens.refreshToken)).status).toBe(401); // the thief replays
  expect((await refresh(tenantId, third.refreshToken)).status).toBe(401); // the newest is dead too
  const live = await identity.owner('refresh_tokens').where({ tenant_id: tenantId }).whereNull('revoked_at');
  expect(live).toHaveLength(0);
});

test('another login is another family: revoking one session leaves the other', async () => {
  const { tenantId, tokens } = await signedUp();
  const other = await json<Tokens>(
    await identity.call('/api/store/auth/login', {
      body: { email: shopper.email, password: shopper.password },
      ctx: { tenantId },
    }),
  );
  expect((await logout(tenantId, tokens.refreshToken)).status).toBe(204);
  expect((await refresh(tenantId, other.refreshToken)).status).toBe(200);
});

test('logout revokes the session, including tokens already rotated out of it; it is idempotent', async () => {
  const { tenantId, tokens } = await signedUp();
  const next = await json<Tokens>(await refresh(tenantId, tokens.refreshToken));
  const res = await logout(tenantId, next.refreshToken);
  expect(res.status).toBe(204);
  expect(await res.text()).toBe('');
  expect((await refresh(tenantId, next.refreshToken)).status).toBe(401);
  expect((await logout(tenantId, next.refreshToken)).status).toBe(204);
  expect((await logout(tenantId, 'rt_made-up')).status).toBe(204);
});

test('a refresh token works only for its own audience and until it expires', async () => {
  const { tenantId, tokens } = await signedUp();
  const asStaff = await identity.call('/api/admin/auth/refresh', {
    body: { refreshToken: tokens.refreshToken },
    ctx: { tenantId },
  });
  expect(asStaff.status).toBe(401);
  expect((await refresh(tenantId, tokens.refreshToken)).status).toBe(200); // untouched by the attempt

  const other = await signedUp();
  await identity
    .owner('refresh_tokens')
    .where({ tenant_id: other.tenantId })
    .update({ expires_at: new Date(Date.now() - 1000) });
  expect((await refresh(other.tenantId, other.tokens.refreshToken)).status).toBe(401);
});

test('a malformed refresh body is a 400 naming the field', async () => {
  const res = await identity.call('/api/store/auth/refresh', {
    body: { token: 'x' },
    ctx: { tenantId: newTenant() },
  });
  expect(res.status).toBe(400);
  const problem = await json<{ errors: Array<{ path: string }> }>(res);
  expect(problem.errors.map((e) => e.path).sort()).toEqual(['refreshToken', 'token']);
});
