import { json, newTenant, startIdentity, type IdentityFixture } from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = await startIdentity('id_throttle');
});
afterAll(() => identity.close());

const password = 'the-right-password';

async function customerOn(tenantId: string, email: string): Promise<void> {
  const res = await identity.call('/api/store/auth/register', {
    body: { email, password, name: 'C' },
    ctx: { tenantId },
  });
  expect(res.status).toBe(201);
}
const login = (tenantId: string, email: string, pw: string, clientIp = '198.51.100.7') =>
  identity.call('/api/store/auth/login', { body: { email, password: pw }, ctx: { tenantId, clientIp } });

test('per account: the 6th attempt after 5 failures is a 429 with Retry-After, even with the right password', async () => {
  const tenantId = newTenant();
  await customerOn(tenantId, 'target@example.com');
  for (let i = 0; i < 5; i++) {
    expect((await login(tenantId, 'target@example.com', 'guess-' + i, `203.0.113.${i}`)).status).toBe(401);
  }
  const blocked = await login(tenantId, 'TARGET@example.com', password, '203.0.113.99');
  expect(blocked.status).toBe(429);
  expect(blocked.headers.get('content-type')).toContain('application/problem+json');
  const retryAfter = Number(blocked.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(800);
  expect(retryAfter).toBeLessThanOrEqual(900);
  expect(await blocked.json()).toMatchObject({ status: 429, code: 'too_many_attempts' });

  // The block is per account and per store: another account, and the same email elsewhere, are fine.
  await customerOn(tenantId, 'bystander@example.com');
  expect((await login(tenantId, 'bystander@example.com', password)).status).toBe(200);
  const elsewhere = newTenant();
  await customerOn(elsewhere, 'target@example.com');
  expect((await login(elsewhere, 'target@example.com', password)).status).toBe(200);

  const keys = await identity.redis.client.keys(`${identity.redis.prefix}{t:${tenantId}}:identity:login:*`);
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.join(' ')).not.toContain('target@example.com');
});

test('per account: a successful login resets the failure count', async () => {
  const tenantId = newTenant();
  await customerOn(tenantId, 'forgetful@example.com');
  for (let i = 0; i < 4; i++)
    expect((await login(tenantId, 'forgetful@example.com', 'nope-' + i)).status).toBe(401);
  expect((await login(tenantId, 'forgetful@example.com', password)).status).toBe(200);
  for (let i = 0; i < 5; i++)
    expect((await login(tenantId, 'forgetful@example.com', 'again-' + i)).status).toBe(401);
  expect((await login(tenantId, 'forgetful@example.com', password)).status).toBe(429);
});

test('per IP: after 50 failures from one address (spread over accounts) it is blocked, other addresses are not', async () => {
  const tenantId = newTenant();
  await customerOn(tenantId, 'real@example.com');
  const attacker = '192.0.2.66';
  const statuses: number[] = [];
  for (let i = 0; i < 50; i++) {
    statuses.push((await login(tenantId, `victim${i % 10}@example.com`, 'spray', attacker)).status);
  }
  expect(new Set(statuses)).toEqual(new Set([401]));
  const blocked = await login(tenantId, 'real@example.com', password, attacker);
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await login(tenantId, 'real@example.com', password, '192.0.2.67')).status).toBe(200);
});

test('a caller without an address is counted per account only (no shared bucket locks a store)', async () => {
  const tenantId = newTenant();
  const res = await identity.call('/api/store/auth/login', {
    body: { email: 'who@example.com', password: 'wrong-password' },
    ctx: { tenantId, clientIp: undefined },
  });
  expect(res.status).toBe(401);
  const keys = await identity.redis.client.keys(`${identity.redis.prefix}{t:${tenantId}}:identity:login:*`);
  expect(keys).toHaveLength(1);
  expect(keys[0]).toContain(':customer:');
});

test('staff and platform sign-in are throttled the same way', async () => {
  const tenantId = newTenant();
  for (let i = 0; i < 5; i++) {
    const res = await identity.call('/api/admin/auth/login', {
      body: { email: 'owner@example.com', password: 'wrong-' + i },
      ctx: { tenantId },
    });
    expect(res.status).toBe(401);
  }
  const blocked = await identity.call('/api/admin/auth/login', {
    body: { email: 'owner@example.com', password: 'wrong' },
    ctx: { tenantId },
  });
  expect(blocked.status).toBe(429);
  expect(await json(blocked)).toMatchObject({ code: 'too_many_attempts' });
});
