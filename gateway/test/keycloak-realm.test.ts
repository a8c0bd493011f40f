// The shipped Keycloak realm (deploy/keycloak/fleet-realm.json) and the gateway settings compose
// gives it (deploy/compose/keycloak.yml) agree: tokens shaped the way that realm's protocol mappers
// shape them, issued under its issuer path by a real OpenID provider (oidc-provider, the stand-in
// for Keycloak at its network boundary), are accepted by a gateway configured from compose's
// variables through its own config schema; tokens without the realm's audience are not. The realm
// file itself is checked for what an operator relies on: no self-registration, the tenant attribute
// editable by administrators only, exact redirect URIs, no published client secret.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TenantSnapshot } from '@fleet/tenancy';
import { parse } from 'yaml';
import { configSchema } from '../src/config';
import { tokenIssuerOf } from '../src/token-issuer';
import { DOMAIN, startGateway, type Echoed, type GatewayFixture } from './gateway-fixture';
import { startKeycloakStandIn, type KeycloakStandIn } from './keycloak-stand-in';

const root = path.resolve(__dirname, '../..');

interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface Client {
  clientId: string;
  publicClient: boolean;
  secret?: string;
  redirectUris: string[];
  directAccessGrantsEnabled: boolean;
  attributes: Record<string, string>;
  protocolMappers: Mapper[];
}
interface Realm {
  realm: string;
  registrationAllowed: boolean;
  clients: Client[];
  components: Record<string, Array<{ providerId: string; config: Record<string, string[]> }>>;
}
interface ProfileAttribute {
  name: string;
  permissions: { view: string[]; edit: string[] };
  validations?: { pattern?: { pattern: string } };
}

const realm = JSON.parse(
  fs.readFileSync(path.join(root, 'deploy/keycloak/fleet-realm.json'), 'utf8'),
) as Realm;
const override = parse(fs.readFileSync(path.join(root, 'deploy/compose/keycloak.yml'), 'utf8')) as {
  services: Record<string, { environment: Record<string, string> }>;
};
const gatewayEnv = override.services.gateway!.environment;
const keycloakEnv = override.services.keycloak!.environment;

/** The one value every client's mappers of this kind agree on (a realm whose clients disagree fails). */
function mapped(kind: string, key: string): string {
  const values = new Set(
    realm.clients.map((c) => c.protocolMappers.find((m) => m.protocolMapper === kind)?.config[key]),
  );
  expect([...values]).toHaveLength(1);
  const [value] = values;
  if (!value) throw new Error(`no ${kind} with ${key} on the realm's clients`);
  return value;
}

const tenantMapper = () =>
  realm.clients[0]!.protocolMappers.find((m) => m.protocolMapper === 'oidc-usermodel-attribute-mapper')!;
const tenantClaim = mapped('oidc-usermodel-attribute-mapper', 'claim.name');
const audience = mapped('oidc-audience-mapper', 'included.custom.audience');

function tenantAttribute(): ProfileAttribute {
  const [profile] = realm.components['org.keycloak.userprofile.UserProfileProvider'] ?? [];
  const config = JSON.parse(profile!.config['kc.user.profile.config']![0]!) as {
    attributes: ProfileAttribute[];
  };
  const attribute = config.attributes.find((a) => a.name === tenantMapper().config['user.attribute']);
  if (!attribute) throw new Error('the user profile does not declare the tenant attribute');
  return attribute;
}

describe('the realm file', () => {
  test('turns self-registration off: accounts are created for a store, never by anyone', () => {
    expect(realm.registrationAllowed).toBe(false);
  });

  test('every client puts the tenant and the Fleet audience into access tokens only', () => {
    for (const client of realm.clients) {
      const tenant = client.protocolMappers.find(
        (m) => m.protocolMapper === 'oidc-usermodel-attribute-mapper',
      );
      expect(tenant?.config).toMatchObject({ 'access.token.claim': 'true', 'claim.name': tenantClaim });
      const aud = client.protocolMappers.find((m) => m.protocolMapper === 'oidc-audience-mapper');
      expect(aud?.config).toMatchObject({ 'access.token.claim': 'true', 'id.token.claim': 'false' });
    }
  });

  test('the tenant attribute is declared, admin-only, and takes tenant ids and slugs only', () => {
    const attribute = tenantAttribute();
    // A user who could edit it would move themselves into another store.
    expect(attribute.permissions.edit).toEqual(['admin']);
    const pattern = new RegExp(attribute.validations!.pattern!.pattern);
    for (const ok of ['acme', 'my-shop-2', `ten_${'0123456789abcdefghjkmnpqrs'}`])
      expect(pattern.test(ok)).toBe(true);
    for (const bad of ['', 'a', 'Acme', 'ten_short', '-acme', 'acme.evil.com'])
      expect(pattern.test(bad)).toBe(false);
  });

  test('redirect URIs are exact hosts of the platform domain (Keycloak has no host wildcards)', () => {
    const domain = 'localhost'; // docker-compose.yml's PLATFORM_DOMAIN default
    for (const client of realm.clients) {
      expect(client.redirectUris.length).toBeGreaterThan(0);
      for (const uri of client.redirectUris) {
        const url = new URL(uri.replace(/\*$/, ''));
        expect(url.hostname === domain || url.hostname.endsWith(`.${domain}`)).toBe(true);
        expect(url.hostname).not.toContain('*');
      }
      expect(client.directAccessGrantsEnabled).toBe(false);
      expect(client.attributes['pkce.code.challenge.method']).toBe('S256');
    }
    const storefront = realm.clients.find((c) => c.clientId === 'storefront')!;
    expect(storefront.redirectUris).toEqual(
      expect.arrayContaining([`http://${domain}:8080/*`, `http://acme.${domain}:8080/*`]),
    );
  });

  test('the console client secret comes from the environment, with no default in the file', () => {
    const console = realm.clients.find((c) => c.clientId === 'console')!;
    expect(console.publicClient).toBe(false);
    expect(console.secret).toBe('${KC_CONSOLE_CLIENT_SECRET}');
    expect(keycloakEnv.KC_CONSOLE_CLIENT_SECRET).toMatch(/^\$\{KC_CONSOLE_CLIENT_SECRET:\?/);
  });

  test("compose's gateway settings name this realm, its claim, its audience and its issuer", () => {
    expect(gatewayEnv).toMatchObject({
      KEYCLOAK_REALM: realm.realm,
      KEYCLOAK_TENANT_CLAIM: tenantClaim,
      KEYCLOAK_AUDIENCE: audience,
      KEYCLOAK_ISSUER: `${keycloakEnv.KC_HOSTNAME}/realms/${realm.realm}`,
    });
  });
});

describe('a gateway configured like compose, against a provider laid out like the realm', () => {
  const CLIENTS = ['acme-staff', 'acme-shopper', 'other-audience'];
  let kc: KeycloakStandIn;
  let f: GatewayFixture;
  let acme: TenantSnapshot;

  beforeAll(async () => {
    kc = await startKeycloakStandIn(CLIENTS, {
      realm: realm.realm,
      audienceOf: (clientId) => (clientId === 'other-audience' ? 'account' : audience),
    });
    // compose's variables through the gateway's own schema; only the addresses are this run's.
    const config = configSchema.parse({
      ...gatewayEnv,
      KEYCLOAK_URL: kc.url,
      KEYCLOAK_ISSUER: kc.issuer,
      NODE_ENV: 'test',
      PLATFORM_DOMAIN: DOMAIN,
      INTERNAL_SIGNING_KEY: 'gateway-test-signing-key-0123456789',
      REDIS_URL: 'redis://127.0.0.1:6379',
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
      ...Object.fromEntries(
        ['TENANCY', 'CATALOG', 'SEARCH', 'CART', 'CHECKOUT', 'ORDER', 'INVENTORY', 'PAYMENT', 'IDENTITY'].map(
          (name) => [`${name}_URL`, 'http://127.0.0.1:9'],
        ),
      ),
    });
    f = await startGateway('gw_kc_realm', { tokenIssuer: tokenIssuerOf(config) });
    acme = await f.provision('acme');
    const roles = (...r: string[]) => ({ roles: [...r, 'offline_access', `default-roles-${realm.realm}`] });
    kc.setClaims('acme-staff', { typ: 'Bearer', [tenantClaim]: 'acme', realm_access: roles('staff') });
    kc.setClaims('acme-shopper', { typ: 'Bearer', [tenantClaim]: acme.id, realm_access: roles('customer') });
    kc.setClaims('other-audience', { typ: 'Bearer', [tenantClaim]: 'acme', realm_access: roles('staff') });
  });
  afterAll(async () => {
    await f?.close();
    await kc?.close();
  });

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  test('the issuer is at /realms/<realm> and its keys where Keycloak publishes them', async () => {
    expect(kc.issuer).toBe(`${kc.url}/realms/${realm.realm}`);
    const res = await fetch(`${kc.issuer}/protocol/openid-connect/certs`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  test("a staff token with the store's slug in the realm's tenant claim reaches that store", async () => {
    const res = await f.get('acme.fleet.test', '/api/admin/me', bearer(await kc.token('acme-staff')));
    expect(res.status).toBe(200);
    expect(res.json<Echoed>().ctx).toMatchObject({
      tenantId: acme.id,
      actor: { kind: 'staff', roles: ['staff'] },
    });
  });

  test('a shopper token with the tenant id in the claim works the same', async () => {
    const res = await f.get('acme.fleet.test', '/api/store/me', bearer(await kc.token('acme-shopper')));
    expect(res.status).toBe(200);
    expect(res.json<Echoed>().ctx.actor).toMatchObject({ kind: 'customer' });
  });

  test('a token of the same realm without the Fleet audience is 401', async () => {
    const res = await f.get('acme.fleet.test', '/api/admin/me', bearer(await kc.token('other-audience')));
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ code: 'token_invalid' });
  });
});
