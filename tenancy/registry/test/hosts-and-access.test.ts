import { CONTEXT_HEADER, signContext } from '@fleet/tenancy';
import { startRegistry, storeBody, SIGNING_KEY, type RegistryFixture } from './registry-fixture';

let registry: RegistryFixture;
let tenantA: { id: string };
let tenantB: { id: string };

beforeAll(async () => {
  registry = await startRegistry('reg_hosts');
  tenantA = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('alpha') })
  ).json()) as { id: string };
  tenantB = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('beta') })
  ).json()) as { id: string };
  await registry.owner('domains').insert([
    {
      hostname: 'shop.alpha.example',
      tenant_id: tenantA.id,
      id: 'dom_1',
      verification_token: 't1',
      verified_at: new Date(),
    },
    { hostname: 'pending.alpha.example', tenant_id: tenantA.id, id: 'dom_2', verification_token: 't2' },
  ]);
  await registry
    .owner('hostnames')
    .insert({ hostname: 'shop.alpha.example', tenant_id: tenantA.id, domain_id: 'dom_1' });
});
afterAll(() => registry.close());

test('a subdomain and a verified custom domain resolve; unknown and unverified hosts do not', async () => {
  const bySub = await registry.call('/internal/hosts/ALPHA.fleet.test');
  expect(await bySub.json()).toMatchObject({
    id: tenantA.id,
    hosts: ['alpha.fleet.test', 'shop.alpha.example'],
  });
  expect(
    ((await (await registry.call('/internal/hosts/shop.alpha.example')).json()) as { id: string }).id,
  ).toBe(tenantA.id);
  expect((await registry.call('/internal/hosts/pending.alpha.example')).status).toBe(404);
  expect((await registry.call('/internal/hosts/nobody.fleet.test')).status).toBe(404);
  expect((await registry.call('/internal/hosts/a.b.fleet.test')).status).toBe(404);
});

test('unsigned requests are refused, and only services may call internal endpoints', async () => {
  const unsigned = await fetch(`${registry.url}/internal/hosts/alpha.fleet.test`);
  expect(unsigned.status).toBe(401);
  const forged = await fetch(`${registry.url}/internal/hosts/alpha.fleet.test`, {
    headers: {
      [CONTEXT_HEADER]: signContext(
        { requestId: 'x', actor: { kind: 'service' } },
        'not-the-key-000000000000000000000',
        { audience: 'tenancy', method: 'GET', path: '/internal/hosts/alpha.fleet.test' },
      ),
    },
  });
  expect(forged.status).toBe(401);
  const shopper = await registry.call('/internal/hosts/alpha.fleet.test', {
    ctx: { actor: { kind: 'customer' } },
  });
  expect(shopper.status).toBe(403);
  void SIGNING_KEY;
});

test("store info shows only the requesting tenant's settings", async () => {
  const a = (await (await registry.call('/api/store/info', { ctx: { tenantId: tenantA.id } })).json()) as {
    name: string;
  };
  const b = (await (await registry.call('/api/store/info', { ctx: { tenantId: tenantB.id } })).json()) as {
    name: string;
  };
  expect([a.name, b.name]).toEqual(['Store alpha', 'Store beta']);
  const none = await registry.call('/api/store/info');
  expect(none.status).toBe(404);
  const ghost = await registry.call('/api/store/info', {
    ctx: { tenantId: 'ten_00000000000000000000000000' },
  });
  expect(ghost.status).toBe(404);
});
