import { ADMIN, newTenant, service, startIdentity, type IdentityFixture } from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = await startIdentity('id_browser_sessions');
});
afterAll(() => identity.close());

const merchant = { email: 'ada@example.com', password: 'engines-are-fun-1', name: 'Ada', role: 'owner' };
const APP = { 'x-csrf': '1', 'sec-fetch-site': 'same-origin' };

async function storeWithStaff(): Promise<string> {
  const tenantId = newTenant();
  const res = await identity.call('/internal/staff', { body: merchant, ctx: service(tenantId) });
  expect(res.status).toBe(201);
  return tenantId;
}

const signIn = (tenantId: string, headers: Record<string, string> = APP) =>
  identity.call('/api/admin/session', {
    body: { email: merchant.email, password: merchant.password },
    ctx: { tenantId },
    headers,
  });

/** The cookie a browser would keep: name=value from Set-Cookie. */
function cookieOf(res: Response): { pair: string; attributes: string } {
  const raw = res.headers.get('set-cookie') ?? '';
  const [pair = '', ...rest] = raw.split('; ');
  return { pair, attributes: rest.join('; ') };
}

test('sign-in sets the refresh token only as an HttpOnly, SameSite=Strict, host-only cookie on the session path', async () => {
  const tenantId = await storeWithStaff();
  const res = await signIn(tenantId);
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn']);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const { pair, attributes } = cookieOf(res);
  expect(pair).toMatch(/^fleet_rt=rt_/);
  expect(attributes).toContain('Path=/api/admin/session');
  expect(attributes).toContain('HttpOnly');
  expect(attributes).toContain('SameSite=Strict');
  expect(attributes).not.toMatch(/Domain=/i);
  expect(attributes).not.toContain('Secure'); // plain http here; https below
  const claims = await identity.verify(body.accessToken as string);
  expect(claims).toMatchObject({ tid: tenantId, roles: ['staff', 'owner'] });
});

test('the cookie is Secure when the client spoke https (as the gateway reports it)', async () => {
  const tenantId = await storeWithStaff();
  const res = await signIn(tenantId, { ...APP, 'x-forwarded-proto': 'https' });
  expect(cookieOf(res).attributes).toContain('Secure');
});

test('refresh reads the cookie, rotates it and answers a new access token; the old cookie is then refused', async () => {
  const tenantId = await storeWithStaff();
  const first = cookieOf(await signIn(tenantId)).pair;
  const res = await identity.call('/api/admin/session/refresh', {
    method: 'POST',
    ctx: { tenantId },
    headers: { ...APP, cookie: `theme=dark; ${first}` },
  });
  expect(res.status).toBe(200);
  const second = cookieOf(res).pair;
  expect(second).not.toBe(first);
  const { accessToken } = (await res.json()) as { accessToken: string };
  expect(await identity.verify(accessToken)).toMatchObject({ tid: tenantId });
  const again = await identity.call('/api/admin/session/refresh', {
    method: 'POST',
    ctx: { tenantId },
    headers: { ...APP, cookie: second },
  });
  expect(again.status).toBe(200);
});

test('refresh without a cookie is 401 no_session; a bad cookie is 401 and cleared', async () => {
  const tenantId = await storeWithStaff();
  const none = await identity.call('/api/admin/session/refresh', {
    method: 'POST',
    ctx: { tenantId },
    headers: APP,
  });
  expect(none.status).toBe(401);
  expect(await none.json()).toMatchObject({ code: 'no_session' });
  const bad = await identity.call('/api/admin/session/refresh', {
    method: 'POST',
    ctx: { tenantId },
    headers: { ...APP, cookie: 'fleet_rt=rt_made-up' },
  });
  expect(bad.status).toBe(401);
  expect(cookieOf(bad).attributes).toContain('Max-Age=0');
});

test("another store's session cookie is not a session here (refresh tokens are tenant-bound)", async () => {
  const storeA = await storeWithStaff();
  const storeB = await storeWithStaff();
  const cookieA = cookieOf(await signIn(storeA)).pair;
  const res = await identity.call('/api/admin/session/refresh', {
    method: 'POST',
    ctx: { tenantId: storeB },
    headers: { ...APP, cookie: cookieA },
  });
  expect(res.status).toBe(401);
});

test('sign-out revokes the session and clears the cookie', async () => {
  const tenantId = await storeWithStaff();
  const pair = cookieOf(await signIn(tenantId)).pair;
  const out = await identity.call('/api/admin/session', {
    method: 'DELETE',
    ctx: { tenantId },
    headers: { ...APP, cookie: pair },
  });
  expect(out.status).toBe(204);
  expect(cookieOf(out).attributes).toContain('Max-Age=0');
  const res = await identity.call('/api/admin/session/refresh', {
    method: 'POST',
    ctx: { tenantId },
    headers: { ...APP, cookie: pair },
  });
  expect(res.status).toBe(401);
});

test.each([
  ['no CSRF header', { 'sec-fetch-site': 'same-origin' }, 'csrf_header_required'],
  ['a cross-site call', { 'x-csrf': '1', 'sec-fetch-site': 'cross-site' }, 'cross_site_request'],
  [
    'another store on the platform domain (same-site)',
    { 'x-csrf': '1', 'sec-fetch-site': 'same-site' },
    'cross_site_request',
  ],
])('%s is refused with 403 and changes nothing', async (_label, headers, code) => {
  const tenantId = await storeWithStaff();
  const pair = cookieOf(await signIn(tenantId)).pair;
  for (const [method, path] of [
    ['POST', '/api/admin/session/refresh'],
    ['DELETE', '/api/admin/session'],
  ] as const) {
    const res = await identity.call(path, {
      method,
      ctx: { tenantId },
      headers: { ...headers, cookie: pair },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code });
  }
  const login = await signIn(tenantId, headers);
  expect(login.status).toBe(403);
  expect(login.headers.get('set-cookie')).toBeNull();
  // The session is intact: the refused calls neither rotated nor revoked it.
  const ok = await identity.call('/api/admin/session/refresh', {
    method: 'POST',
    ctx: { tenantId },
    headers: { ...APP, cookie: pair },
  });
  expect(ok.status).toBe(200);
});

test('platform admins sign in on the console session path; staff credentials are not accepted there', async () => {
  const res = await identity.call('/api/platform/session', { body: ADMIN, headers: APP });
  expect(res.status).toBe(200);
  expect(cookieOf(res).attributes).toContain('Path=/api/platform/session');
  const { accessToken } = (await res.json()) as { accessToken: string };
  expect(await identity.verify(accessToken)).toMatchObject({ roles: ['platform_admin'] });
  const staff = await identity.call('/api/platform/session', {
    body: { email: merchant.email, password: merchant.password },
    headers: APP,
  });
  expect(staff.status).toBe(401);
  const onStore = await identity.call('/api/platform/session', {
    body: ADMIN,
    ctx: { tenantId: newTenant() },
    headers: APP,
  });
  expect(onStore.status).toBe(404);
});
