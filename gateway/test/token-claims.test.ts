import { principalFromFleetClaims, readKeycloakClaims } from '../src/domain/token-claims';

const exp = Math.floor(Date.now() / 1000) + 300;

test('built-in claims map to one principal per token, with Fleet roles only', () => {
  expect(
    principalFromFleetClaims({
      typ: 'access',
      sub: 'stf_1',
      tid: 'ten_a',
      roles: ['staff', 'admin', 'x'],
      exp,
    }),
  ).toEqual({
    ok: true,
    principal: {
      kind: 'staff',
      id: 'stf_1',
      roles: ['staff', 'admin'],
      tenantId: 'ten_a',
      expiresAt: exp * 1000,
    },
  });
  expect(
    principalFromFleetClaims({ typ: 'access', sub: 'adm', roles: ['platform_admin'], exp }),
  ).toMatchObject({
    ok: true,
    principal: { kind: 'platform_admin' },
  });
});

test.each([
  ['a refresh token', { typ: 'refresh', sub: 'c', tid: 'ten_a', roles: ['customer'], exp }],
  ['no subject', { typ: 'access', tid: 'ten_a', roles: ['customer'], exp }],
  ['no roles', { typ: 'access', sub: 'c', tid: 'ten_a', exp }],
  ['a customer without a tenant', { typ: 'access', sub: 'c', roles: ['customer'], exp }],
  [
    'a platform admin naming a tenant',
    { typ: 'access', sub: 'a', tid: 'ten_a', roles: ['platform_admin'], exp },
  ],
  ['a tenant that is not a string', { typ: 'access', sub: 'c', tid: 7, roles: ['customer'], exp }],
])('built-in claims with %s are refused', (_name, claims) => {
  expect(principalFromFleetClaims(claims).ok).toBe(false);
});

test('Keycloak claims: typ Bearer, realm roles, and the configured tenant claim', () => {
  const read = readKeycloakClaims(
    { typ: 'Bearer', sub: 'u', org: 'acme', realm_access: { roles: ['staff'] }, exp },
    'org',
  );
  expect(read).toEqual({ ok: true, sub: 'u', roles: ['staff'], exp, tenantRef: 'acme' });
  expect(readKeycloakClaims({ typ: 'ID', sub: 'u', exp }, 'org').ok).toBe(false);
  expect(readKeycloakClaims({ typ: 'Bearer', sub: 'u', org: ['acme'], exp }, 'org').ok).toBe(false);
});
