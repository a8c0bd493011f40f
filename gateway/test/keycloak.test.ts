import type { TenantSnapshot } from '@fleet/tenancy';
import { startGateway, type Echoed, type GatewayFixture } from './gateway-fixture';
import { REALM, startKeycloakStandIn, type KeycloakStandIn } from './keycloak-stand-in';

let kc: KeycloakStandIn;
let f: GatewayFixture;
let acme: TenantSnapshot;

const CLIENTS = ['acme-staff', 'acme-shopper', 'fleet-admin', 'ghost-staff', 'id-token', 'no-role'];

beforeAll(async () => {
  kc = await startKeycloakStandIn(CLIENTS);
  f = await startGateway('gw_keycloak', {
    tokenIssuer: { kind: 'keycloak', url: kc.url, realm: REALM, tenantClaim: 'tenant_id' },
  });
  acme = await f.provision('acme');
  await f.provision('bolt');
  const roles = (...r: string[]) => ({ roles: [...r, 'offline_access', `default-roles-${REALM}`] });
  kc.setClaims('acme-staff', { typ: 'Bearer', tenant_id: 'acme', realm_access: roles('staff', 'admin') });
  kc.setClaims('acme-shopper', { typ: 'Bearer', tenant_id: acme.id, realm_access: roles('customer') });
  kc.setClaims('fleet-admin', { typ: 'Bearer', realm_access: roles('platform_admin') });
  kc.setClaims('ghost-staff', { typ: 'Bearer', tenant_id: 'ghost', realm_access: roles('staff') });
  kc.setClaims('id-token', { typ: 'ID', tenant_id: 'acme', realm_access: roles('staff') });
  kc.setClaims('no-role', { typ: 'Bearer', tenant_id: 'acme', realm_access: roles() });
});
afterAll(async () => {
  await f.close();
  await kc.close();
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test('a Keycloak token naming the store by slug is mapped to its tenant and realm roles', async () => {
  const res = await f.get('acme.fleet.test', '/api/admin/me', bearer(await kc.token('acme-staff')));
  expect(res.status).toBe(200);
  expect(res.json<Echoed>().ctx).toMatchObject({
    tenantId: acme.id,
    actor: { kind: 'staff', id: 'acme-staff', roles: ['staff', 'admin'] },
  });
});

test('a Keycloak token naming the tenant by id works the same', async () => {
  const res = await f.get('acme.fleet.test', '/api/store/me', bearer(await kc.token('acme-shopper')));
  expect(res.status).toBe(200);
  expect(res.json<Echoed>().ctx.actor).toMatchObject({ kind: 'customer', roles: ['customer'] });
});

test('Keycloak tokens obey the same host rules', async () => {
  const staff = await kc.token('acme-staff');
  expect((await f.get('bolt.fleet.test', '/api/admin/me', bearer(staff))).json()).toMatchObject({
    code: 'wrong_tenant',
  });
  expect((await f.get('console.fleet.test', '/api/platform/me', bearer(staff))).status).toBe(403);
  const admin = await kc.token('fleet-admin');
  const onConsole = await f.get('console.fleet.test', '/api/platform/me', bearer(admin));
  expect(onConsole.status).toBe(200);
  expect(onConsole.json<Echoed>().ctx.actor).toMatchObject({
    kind: 'platform_admin',
    roles: ['platform_admin'],
  });
  expect((await f.get('acme.fleet.test', '/api/store/info', bearer(admin))).status).toBe(403);
});

test.each([
  ['an unknown store', 'ghost-staff'],
  ['an ID token (typ ID)', 'id-token'],
  ['no Fleet role', 'no-role'],
])('a Keycloak token for %s is 401', async (_name, client) => {
  const res = await f.get('acme.fleet.test', '/api/admin/me', bearer(await kc.token(client)));
  expect(res.status).toBe(401);
  expect(res.json()).toMatchObject({ code: 'token_invalid' });
});

test('a token from the built-in issuer is refused in Keycloak mode', async () => {
  const res = await f.get('acme.fleet.test', '/api/admin/me', bearer(await f.issuer.staff(acme.id)));
  expect(res.status).toBe(401);
});
