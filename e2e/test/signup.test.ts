import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startPlatform, ISSUER, type Platform } from './platform-harness';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform('signup');
});
afterAll(() => p.close());

const body = (slug: string, email = `owner@${slug}.test`, password = 'correct horse 1') => ({
  storeName: `Store ${slug}`,
  slug,
  email,
  password,
  currency: 'EUR',
  country: 'DE',
});
const signUp = (b: unknown) => p.call(p.registry.url, '/api/signup', { body: b });

test('sign-up creates a live store and an owner token for it', async () => {
  const res = await signUp(body('lumen'));
  expect(res.status).toBe(201);
  const out = (await res.json()) as {
    tenant: { id: string; slug: string; status: string };
    storeUrl: string;
    adminUrl: string;
    accessToken: string;
  };
  expect(out.tenant).toMatchObject({ slug: 'lumen', status: 'active' });
  expect(out.storeUrl).toBe('http://lumen.fleet.test:8080/');
  expect(out.adminUrl).toBe('http://lumen.fleet.test:8080/admin');
  const jwks = createRemoteJWKSet(new URL(`${p.identity.url}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(out.accessToken, jwks, { issuer: ISSUER, audience: 'fleet' });
  expect(payload).toMatchObject({ tid: out.tenant.id, roles: ['staff', 'owner'], typ: 'access' });
  const me = await p.call(p.identity.url, '/api/admin/me', {
    ctx: {
      tenantId: out.tenant.id,
      actor: { kind: 'staff', id: String(payload.sub), roles: ['staff', 'owner'] },
    },
  });
  expect(await me.json()).toMatchObject({ email: 'owner@lumen.test', role: 'owner' });
});

test('a retried sign-up returns the same store; the slug is taken for anyone else', async () => {
  const first = (await (await signUp(body('twice'))).json()) as { tenant: { id: string } };
  const retry = await signUp(body('twice'));
  expect(retry.status).toBe(200);
  expect(((await retry.json()) as { tenant: { id: string } }).tenant.id).toBe(first.tenant.id);
  const other = await signUp(body('twice', 'someone@else.test'));
  expect(other.status).toBe(409);
  expect(((await other.json()) as { code: string }).code).toBe('slug_taken');
  const wrongPassword = await signUp(body('twice', undefined, 'a different password'));
  expect(wrongPassword.status).toBe(409);
});

test('concurrent sign-ups for one slug produce exactly one store', async () => {
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => signUp(body('contested', `m${i}@x.test`))),
  );
  expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
  expect(answers.filter((r) => r.status === 409)).toHaveLength(7);
  expect(await p.registryOwner('tenants').where({ slug: 'contested' })).toHaveLength(1);
});

test('when accounts are down the sign-up fails cleanly and a retry finishes it', async () => {
  await p.stopIdentity();
  const failed = await signUp(body('phoenix'));
  expect(failed.status).toBe(503);
  expect(failed.headers.get('retry-after')).toBe('2');
  await p.startIdentity();
  const retried = await signUp(body('phoenix'));
  expect(retried.status).toBe(200);
  expect(((await retried.json()) as { accessToken: string }).accessToken).toMatch(/^ey/);
  expect(await p.registryOwner('tenants').where({ slug: 'phoenix' })).toHaveLength(1);
});

test('bad input is a 400 naming each field and creates nothing', async () => {
  const res = await signUp({
    storeName: '',
    slug: 'www',
    email: 'not-an-email',
    password: 'short',
    currency: 'euro',
    country: 'D',
  });
  expect(res.status).toBe(400);
  const problem = (await res.json()) as { errors: Array<{ path: string }> };
  expect(problem.errors.map((e) => e.path).sort()).toEqual([
    'country',
    'currency',
    'email',
    'password',
    'storeName',
  ]);
  const reserved = await signUp(body('www'));
  expect(reserved.status).toBe(400);
  expect(((await reserved.json()) as { code: string }).code).toBe('slug_reserved');
  expect(await p.registryOwner('tenants').where({ slug: 'www' })).toHaveLength(0);
});
