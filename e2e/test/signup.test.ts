import { randomUUID } from 'node:crypto';
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
const signUp = (b: unknown, idempotencyKey?: string) =>
  p.call(p.registry.url, '/api/signup', {
    body: b,
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  });

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
}
interface Created {
  tenant: { id: string; slug: string; status: string };
  accessToken: string;
  refreshToken: string;
}

/** What a stranger sees of an answer: status, headers that matter and the problem minus its instance. */
async function visible(res: Response) {
  const { instance: _instance, ...problem } = (await res.json()) as Problem & Record<string, unknown>;
  return { status: res.status, type: res.headers.get('content-type'), problem };
}

test('sign-up creates a live store and an owner token for it', async () => {
  const res = await signUp(body('lumen'));
  expect(res.status).toBe(201);
  expect(res.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/); // chosen for a client that sent none
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

test('sign-up is not a login: wrong then right password on a taken slug never gets a token', async () => {
  expect((await signUp(body('guarded'))).status).toBe(201);
  const attempts = [
    body('guarded', undefined, 'wrong guess 1'),
    body('guarded', undefined, 'wrong guess 2'),
    body('guarded'), // the owner's email and the right password
    body('guarded', 'stranger@else.test'), // someone else entirely
    body('guarded', 'stranger@else.test', 'wrong guess 3'),
  ];
  const answers = [];
  for (const attempt of attempts) answers.push(await signUp(attempt));
  for (const attempt of attempts) answers.push(await signUp(attempt, randomUUID())); // fresh keys too
  const seen = await Promise.all(answers.map(visible));
  // "Slug taken" and "owner exists" are one answer: same status, type, code, title and detail.
  for (const answer of seen) {
    expect(answer).toEqual(seen[0]);
    expect(answer.problem).not.toHaveProperty('accessToken');
  }
  expect(seen[0]).toMatchObject({ status: 409, problem: { code: 'slug_taken' } });
  expect(await p.registryOwner('tenants').where({ slug: 'guarded' })).toHaveLength(1);
});

test('a taken slug is answered without asking accounts: no password is checked on that path', async () => {
  expect((await signUp(body('quiet'))).status).toBe(201);
  await p.stopIdentity();
  try {
    const owner = await signUp(body('quiet'));
    const stranger = await signUp(body('quiet', 'nobody@else.test', 'another pass 1'));
    expect(await visible(owner)).toEqual(await visible(stranger));
    expect(owner.status).toBe(409); // not 503: identity was never called
  } finally {
    await p.startIdentity();
  }
});

test('the same Idempotency-Key and body returns the first 201; another body under it is 409', async () => {
  const key = randomUUID();
  const first = await signUp(body('twice'), key);
  expect(first.status).toBe(201);
  expect(first.headers.get('idempotency-key')).toBe(key);
  expect(first.headers.get('idempotent-replayed')).toBeNull();
  const created = (await first.json()) as Created;

  const repeat = await signUp(body('twice'), key);
  expect(repeat.status).toBe(201);
  expect(repeat.headers.get('idempotent-replayed')).toBe('true');
  expect(await repeat.json()).toEqual(created); // the very same answer: no second session

  // The kept answer holds the owner's tokens: stored sealed, nothing readable without the key.
  const stored = JSON.stringify(await p.registryOwner('signup_requests').select());
  for (const secret of [created.accessToken, created.refreshToken, key, 'correct horse 1']) {
    expect(stored).not.toContain(secret);
  }

  for (const other of [
    body('twice', undefined, 'a different password'),
    body('twice', 'someone@else.test'),
    body('thrice'),
  ]) {
    const res = await signUp(other, key);
    expect(res.status).toBe(409);
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('idempotency_key_reused');
    expect(problem).not.toHaveProperty('accessToken');
  }
  expect(await p.registryOwner('tenants').where({ slug: 'twice' })).toHaveLength(1);
  expect(await p.registryOwner('tenants').where({ slug: 'thrice' })).toHaveLength(0);
});

test('a repeat past the 15-minute window is a stranger again: 409 and no token', async () => {
  const key = randomUUID();
  expect((await signUp(body('expiring'), key)).status).toBe(201);
  await p
    .registryOwner('signup_requests')
    .update({ expires_at: p.registryOwner.raw("now() - interval '1 second'") });
  await p
    .registryOwner('tenants')
    .where({ slug: 'expiring' })
    .update({ created_at: p.registryOwner.raw("now() - interval '16 minutes'") });
  const late = await signUp(body('expiring'), key);
  expect(late.status).toBe(409);
  expect(await late.json()).toMatchObject({ code: 'slug_taken' });
});

test('concurrent duplicates under one key run the work once and all get the first answer', async () => {
  const key = randomUUID();
  const answers = await Promise.all(Array.from({ length: 6 }, () => signUp(body('racing'), key)));
  expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
  const bodies = (await Promise.all(answers.map((r) => r.json()))) as Created[];
  for (const b of bodies) expect(b).toEqual(bodies[0]); // one owner, one session
  expect(answers.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
  expect(await p.registryOwner('tenants').where({ slug: 'racing' })).toHaveLength(1);
});

test('concurrent sign-ups for one slug produce exactly one store', async () => {
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => signUp(body('contested', `m${i}@x.test`))),
  );
  expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
  expect(answers.filter((r) => r.status === 409)).toHaveLength(7);
  expect(await p.registryOwner('tenants').where({ slug: 'contested' })).toHaveLength(1);
});

test('when accounts are down the sign-up fails cleanly and a retry with its key finishes it', async () => {
  await p.stopIdentity();
  const failed = await signUp(body('phoenix'));
  expect(failed.status).toBe(503);
  expect(failed.headers.get('retry-after')).toBe('2');
  const key = failed.headers.get('idempotency-key') as string;
  expect(key).toBeTruthy();
  await p.startIdentity();
  const withoutKey = await signUp(body('phoenix'));
  expect(withoutKey.status).toBe(409); // the store is made; only its key may finish it
  const retried = await signUp(body('phoenix'), key);
  expect(retried.status).toBe(201);
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
  const badKey = await signUp(body('keyed'), 'not a visible-ascii key');
  expect(badKey.status).toBe(400);
  expect(await badKey.json()).toMatchObject({ errors: [{ path: 'Idempotency-Key' }] });
  expect(await p.registryOwner('tenants').where({ slug: 'keyed' })).toHaveLength(0);
});
