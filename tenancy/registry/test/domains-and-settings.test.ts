import { startTestDnsServer, type TestDnsServer } from '@fleet/testing';
import { createTxtResolver } from '../src/data-access/txt-resolver';
import { startRegistry, storeBody, type RegistryFixture } from './registry-fixture';

let registry: RegistryFixture;
let dns: TestDnsServer;
let a: { id: string };
let b: { id: string };
const staffOf = (tenant: { id: string }) => ({
  tenantId: tenant.id,
  actor: { kind: 'staff' as const, id: 'stf_1', roles: ['staff', 'owner'] },
});

beforeAll(async () => {
  dns = await startTestDnsServer();
  registry = await startRegistry('reg_domains', { resolveTxt: createTxtResolver(dns.address) });
  a = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('dom-a') })
  ).json()) as { id: string };
  b = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('dom-b') })
  ).json()) as { id: string };
});
afterAll(async () => {
  await registry.close();
  await dns.close();
});

type Domain = { id: string; hostname: string; status: string; verification: { name: string; value: string } };
const add = async (tenant: { id: string }, hostname: string) =>
  registry.call('/api/admin/domains', { method: 'POST', ctx: staffOf(tenant), body: { hostname } });

test('a domain verifies through a real DNS TXT lookup and then routes to the store', async () => {
  const res = await add(a, 'Shop.Example.com');
  expect(res.status).toBe(201);
  const domain = (await res.json()) as Domain;
  expect(domain).toMatchObject({
    hostname: 'shop.example.com',
    status: 'pending',
    verification: { name: '_fleet-verify.shop.example.com' },
  });
  expect((await add(a, 'shop.example.com')).status).toBe(200);

  const early = await registry.call(`/api/admin/domains/${domain.id}/verify`, {
    method: 'POST',
    ctx: staffOf(a),
  });
  expect(early.status).toBe(422);
  expect((await registry.call('/internal/hosts/shop.example.com')).status).toBe(404);

  dns.setTxt(domain.verification.name, ['unrelated', domain.verification.value]);
  const verified = await registry.call(`/api/admin/domains/${domain.id}/verify`, {
    method: 'POST',
    ctx: staffOf(a),
  });
  expect(await verified.json()).toMatchObject({ status: 'verified' });
  const routed = (await (await registry.call('/internal/hosts/shop.example.com')).json()) as {
    id: string;
    hosts: string[];
  };
  expect(routed.id).toBe(a.id);
  expect(routed.hosts).toEqual(['dom-a.fleet.test', 'shop.example.com']);
  const events = await registry.owner('outbox').where({ tenant_id: a.id, type: 'tenant.updated' });
  expect(events).toHaveLength(1);
});

test("another store cannot see, verify or delete a store's domains, nor take a verified hostname", async () => {
  const [domain] = (
    (await (await registry.call('/api/admin/domains', { ctx: staffOf(a) })).json()) as { items: Domain[] }
  ).items;
  expect(
    ((await (await registry.call('/api/admin/domains', { ctx: staffOf(b) })).json()) as { items: Domain[] })
      .items,
  ).toEqual([]);
  expect(
    (await registry.call(`/api/admin/domains/${domain!.id}/verify`, { method: 'POST', ctx: staffOf(b) }))
      .status,
  ).toBe(404);
  expect(
    (await registry.call(`/api/admin/domains/${domain!.id}`, { method: 'DELETE', ctx: staffOf(b) })).status,
  ).toBe(404);

  const claim = (await (await add(b, 'shop.example.com')).json()) as Domain;
  dns.setTxt(claim.verification.name, [claim.verification.value]);
  const stolen = await registry.call(`/api/admin/domains/${claim.id}/verify`, {
    method: 'POST',
    ctx: staffOf(b),
  });
  expect(stolen.status).toBe(409);
  expect(
    ((await (await registry.call('/internal/hosts/shop.example.com')).json()) as { id: string }).id,
  ).toBe(a.id);
});

test('removing a verified domain stops routing it', async () => {
  const domain = (await (await add(a, 'old.example.org')).json()) as Domain;
  dns.setTxt(domain.verification.name, [domain.verification.value]);
  await registry.call(`/api/admin/domains/${domain.id}/verify`, { method: 'POST', ctx: staffOf(a) });
  expect((await registry.call('/internal/hosts/old.example.org')).status).toBe(200);
  expect(
    (await registry.call(`/api/admin/domains/${domain.id}`, { method: 'DELETE', ctx: staffOf(a) })).status,
  ).toBe(204);
  expect((await registry.call('/internal/hosts/old.example.org')).status).toBe(404);
});

test.each(['localhost', 'x.fleet.test', 'bad host.com', 'shop.example.com:8080', ''])(
  'hostname %p is refused',
  async (hostname) => {
    const res = await add(a, hostname);
    expect(res.status).toBe(400);
  },
);

test('only staff manage domains and settings', async () => {
  const customer = { tenantId: a.id, actor: { kind: 'customer' as const, id: 'cus_1' } };
  expect((await registry.call('/api/admin/domains', { ctx: customer })).status).toBe(403);
  expect(
    (
      await registry.call('/api/admin/settings/store', {
        method: 'PATCH',
        ctx: customer,
        body: { name: 'x' },
      })
    ).status,
  ).toBe(403);
});

test("store settings change only the staff's own store", async () => {
  const res = await registry.call('/api/admin/settings/store', {
    method: 'PATCH',
    ctx: staffOf(a),
    body: { name: 'Renamed A', theme: { primaryColor: '#112233' } },
  });
  expect(await res.json()).toMatchObject({ name: 'Renamed A', theme: { primaryColor: '#112233' } });
  const info = async (t: { id: string }) =>
    ((await (await registry.call('/api/store/info', { ctx: { tenantId: t.id } })).json()) as { name: string })
      .name;
  expect([await info(a), await info(b)]).toEqual(['Renamed A', 'Store dom-b']);
  const bad = await registry.call('/api/admin/settings/store', {
    method: 'PATCH',
    ctx: staffOf(a),
    body: { theme: { primaryColor: 'red', logoUrl: 'javascript:alert(1)' } },
  });
  expect(bad.status).toBe(400);
  expect(
    ((await bad.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort(),
  ).toEqual(['theme.logoUrl', 'theme.primaryColor']);
});

test('the theme font is one of the stacks the storefront knows, kept beside the colour', async () => {
  const patch = (theme: object) =>
    registry.call('/api/admin/settings/store', { method: 'PATCH', ctx: staffOf(a), body: { theme } });
  expect(await (await patch({ font: 'serif' })).json()).toMatchObject({
    theme: { primaryColor: '#112233', font: 'serif' },
  });
  const bad = await patch({ font: 'Comic Sans' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual([
    'theme.font',
  ]);
  const theme = async (t: { id: string }) =>
    (
      (await (await registry.call('/api/store/info', { ctx: { tenantId: t.id } })).json()) as {
        theme: object;
      }
    ).theme;
  expect(await theme(a)).toMatchObject({ font: 'serif' });
  expect(await theme(b)).not.toHaveProperty('font');
});

test("the home's featured collection is a collection handle, cleared with an empty one", async () => {
  const patch = (theme: object) =>
    registry.call('/api/admin/settings/store', { method: 'PATCH', ctx: staffOf(a), body: { theme } });
  expect(await (await patch({ featuredCollection: 'staff-picks' })).json()).toMatchObject({
    theme: { featuredCollection: 'staff-picks', font: 'serif' },
  });
  const bad = await patch({ featuredCollection: 'Staff Picks!' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual([
    'theme.featuredCollection',
  ]);
  expect(await (await patch({ featuredCollection: '' })).json()).toMatchObject({
    theme: { featuredCollection: '' },
  });
});
