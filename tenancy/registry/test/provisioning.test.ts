import { startRegistry, storeBody, type RegistryFixture } from './registry-fixture';

let registry: RegistryFixture;
beforeAll(async () => {
  registry = await startRegistry('reg_provision');
});
afterAll(() => registry.close());

const outboxTypes = async (tenantId: string) =>
  (await registry.owner('outbox').where({ tenant_id: tenantId }).orderBy('seq').select('type')).map(
    (r: { type: string }) => r.type,
  );

test('provisioning creates the tenant, its settings and a tenant.provisioned event', async () => {
  const res = await registry.call('/internal/tenants', { method: 'POST', body: storeBody('acme') });
  expect(res.status).toBe(201);
  const tenant = (await res.json()) as { id: string; hosts: string[]; status: string; version: number };
  expect(tenant).toMatchObject({ status: 'active', hosts: ['acme.fleet.test'], version: 1 });
  expect(tenant.id).toMatch(/^ten_/);
  expect(await outboxTypes(tenant.id)).toEqual(['tenant.provisioned']);
  const info = await registry.call('/api/store/info', {
    ctx: { tenantId: tenant.id, actor: { kind: 'anonymous' } },
  });
  expect(await info.json()).toEqual({
    name: 'Store acme',
    currency: 'USD',
    theme: {},
    payment: { provider: 'offline' },
    testMode: true, // a new store starts in test mode
  });
});

test('a taken slug is 409; a retry with the same provisioning key returns the first tenant', async () => {
  const headers = { 'idempotency-key': 'signup-42' };
  const first = await registry.call('/internal/tenants', {
    method: 'POST',
    body: storeBody('bolt'),
    headers,
  });
  const retry = await registry.call('/internal/tenants', {
    method: 'POST',
    body: storeBody('bolt'),
    headers,
  });
  const other = await registry.call('/internal/tenants', { method: 'POST', body: storeBody('bolt') });
  expect(first.status).toBe(201);
  expect(retry.status).toBe(200);
  expect(((await retry.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  expect(other.status).toBe(409);
  expect(((await other.json()) as { code: string }).code).toBe('slug_taken');
});

test('concurrent provisioning of one slug creates exactly one store', async () => {
  const answers = await Promise.all(
    Array.from({ length: 12 }, () =>
      registry.call('/internal/tenants', { method: 'POST', body: storeBody('rush') }),
    ),
  );
  const statuses = answers.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  const rows = await registry.owner('tenants').where({ slug: 'rush' });
  expect(rows).toHaveLength(1);
  expect(await registry.owner('store_settings').where({ tenant_id: rows[0].id })).toHaveLength(1);
});

test.each([
  [{ ...storeBody('ab') }, 'slug'],
  [{ ...storeBody('www') }, 'slug'],
  [{ ...storeBody('Bad_Slug') }, 'slug'],
  [{ ...storeBody('okay-slug'), currency: 'usd' }, 'currency'],
  [{ ...storeBody('okay-slug'), country: 'USA' }, 'country'],
  [{ ...storeBody('okay-slug'), extra: true }, 'extra'],
])('bad input %# is a 400 naming the field and creates nothing', async (body, field) => {
  const before = await registry.owner('tenants').count<{ count: string }[]>('* as count');
  const res = await registry.call('/internal/tenants', { method: 'POST', body });
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await res.json()) as { errors: Array<{ path: string }> };
  expect(problem.errors.map((e) => e.path)).toContain(field);
  const after = await registry.owner('tenants').count<{ count: string }[]>('* as count');
  expect(after[0]?.count).toBe(before[0]?.count);
});

test('suspend and resume bump the version and emit events', async () => {
  const created = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('sleepy') })
  ).json()) as { id: string };
  const suspended = await registry.call(`/internal/tenants/${created.id}/suspend`, { method: 'POST' });
  expect(await suspended.json()).toMatchObject({ status: 'suspended', version: 2 });
  const resumed = await registry.call(`/internal/tenants/${created.id}/resume`, { method: 'POST' });
  expect(await resumed.json()).toMatchObject({ status: 'active', version: 3 });
  const replanned = await registry.call(`/internal/tenants/${created.id}`, {
    method: 'PATCH',
    body: { plan: 'pro' },
  });
  expect(await replanned.json()).toMatchObject({ plan: 'pro', version: 4 });
  expect(await outboxTypes(created.id)).toEqual([
    'tenant.provisioned',
    'tenant.suspended',
    'tenant.resumed',
    'tenant.updated',
  ]);
  const missing = await registry.call('/internal/tenants/ten_00000000000000000000000000/suspend', {
    method: 'POST',
  });
  expect(missing.status).toBe(404);
});
