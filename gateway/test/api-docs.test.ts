import { readFileSync } from 'node:fs';
import { API_OPERATIONS, type Operation } from '@fleet/api-contract';
import Ajv2020 from 'ajv/dist/2020';
import { findRoute, ROUTES, type RouteRule } from '../src/domain/routes';
import { apiDocument } from '../src/http/openapi';
import { startGateway, type GatewayFixture } from './gateway-fixture';

const OAS_31_SCHEMA = JSON.parse(
  readFileSync(require.resolve('@seriousme/openapi-schema-validator/schemas/v3.1/schema.json'), 'utf8'),
) as Record<string, unknown>;

let f: GatewayFixture;
beforeAll(async () => {
  f = await startGateway('gw_api_docs');
});
afterAll(() => f.close());

test('the document is valid OpenAPI 3.1 (the official schema, draft 2020-12)', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const validate = ajv.compile(OAS_31_SCHEMA);
  const valid = validate(apiDocument());
  expect(ajv.errorsText(validate.errors)).toBe('No errors');
  expect(valid).toBe(true);
});

test('the validator catches a broken document (security where 3.1 does not allow it)', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const broken = { ...apiDocument(), paths: { '/api/x/*': { security: [{ bearer: [] }], get: {} } } };
  expect(ajv.validate(OAS_31_SCHEMA, broken)).toBe(false);
});

test('every operation is documented once, with its schemas, errors and security', () => {
  const doc = apiDocument() as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, unknown> };
  };
  const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
  expect(ops).toHaveLength(Object.keys(API_OPERATIONS).length);
  const create = doc.paths['/api/admin/products']?.post as {
    security: unknown;
    requestBody: { content: Record<string, unknown> };
    responses: Record<string, unknown>;
  };
  expect(create.security).toEqual([{ bearer: ['staff'] }]);
  expect(create.requestBody.content['application/json']).toBeDefined();
  expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '429']));
  expect(create.responses['403']).toEqual({ $ref: '#/components/responses/Problem403' });
  expect(doc.components.schemas.Problem).toBeDefined();
  expect(doc.paths['/api/store/carts/{id}/items/{itemId}']?.patch?.parameters).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: 'itemId', in: 'path', required: true })]),
  );
  expect(doc.paths['/api/admin/session/refresh']?.post?.security).toEqual([{ session: [] }]);
  expect(doc.paths['/api/store/info']?.get?.security).toEqual([{}, { bearer: [] }]);
});

test('each operation sits on the door the route table serves its path on, with the route’s role', () => {
  const mismatches: string[] = [];
  for (const [name, op] of Object.entries(API_OPERATIONS) as Array<[string, Operation]>) {
    const rule = findRoute(ROUTES, op.door, op.path.replace(/\{[^}]+\}/g, 'x'));
    if (!rule || rule.pages) mismatches.push(`${name}: no API route on ${op.door} hosts`);
    // A public route may still need a role its service checks (merging a cart: a customer).
    else if (rule.auth !== 'public' && rule.auth !== op.auth)
      mismatches.push(`${name}: ${op.auth} ≠ ${rule.auth}`);
  }
  expect(mismatches).toEqual([]);
});

/** The route table's API prefixes under which the contract declares no operation (same door). */
function undeclaredPrefixes(routes: readonly RouteRule[]): string[] {
  const ops = Object.values(API_OPERATIONS) as Operation[];
  return routes
    .filter((rule) => !rule.pages && rule.prefix.startsWith('/api/'))
    .filter(
      (rule) =>
        !ops.some(
          (op) => op.door === rule.door && (op.path === rule.prefix || op.path.startsWith(`${rule.prefix}/`)),
        ),
    )
    .map((rule) => `${rule.door} ${rule.prefix}`);
}

test('every API prefix of the route table has its operations declared in the contract', () => {
  expect(undeclaredPrefixes(ROUTES)).toEqual([]);
  // It can fail: a prefix nothing declares, or a declared path on another door.
  const extra: RouteRule[] = [
    { door: 'store', prefix: '/api/admin/nowhere', upstream: 'catalog', audience: 'merchant', auth: 'staff' },
    {
      door: 'console',
      prefix: '/api/admin/products',
      upstream: 'catalog',
      audience: 'platform',
      auth: 'staff',
    },
  ];
  expect(undeclaredPrefixes([...ROUTES, ...extra])).toEqual([
    'store /api/admin/nowhere',
    'console /api/admin/products',
  ]);
});

test('every host serves the reference page, the JSON and the page’s own assets (no CDN)', async () => {
  for (const host of ['acme.fleet.test', 'fleet.test', 'console.fleet.test']) {
    const page = await f.get(host, '/api/docs', {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/https?:\/\//);
    const json = await f.get(host, '/api/docs/openapi.json');
    expect(json.json<{ openapi: string }>().openapi).toBe('3.1.0');
    const asJson = await f.get(host, '/api/docs', { headers: { accept: 'application/json' } });
    expect(asJson.json<{ openapi: string }>().openapi).toBe('3.1.0');
    for (const src of [...page.text.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]!)) {
      const asset = await f.get(host, src);
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
    }
  }
  expect((await f.get('fleet.test', '/api/docs/assets/index.html')).status).toBe(404);
});
