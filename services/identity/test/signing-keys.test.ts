import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { waitFor } from '@fleet/testing';
import { createKeyCipher } from '../src/domain/key-cipher';
import { ensureSigningKey } from '../src/domain/rotate-signing-key';
import { createSigningKeyRing } from '../src/domain/signing-key-ring';
import {
  ISSUER,
  json,
  KEY_ENCRYPTION_KEY,
  newTenant,
  service,
  startIdentity,
  type IdentityFixture,
  type Tokens,
} from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = await startIdentity('id_keys');
});
afterAll(() => identity.close());

const tenantId = newTenant();
const customer = { email: 'kim@example.com', password: 'rotate-me-please', name: 'Kim' };

const jwks = async () => json<{ keys: JWK[] }>(await fetch(`${identity.url}/.well-known/jwks.json`));
const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const rotate = (ctx = service()) => identity.call('/internal/keys/rotate', { method: 'POST', ctx });
const signIn = async () =>
  json<Tokens>(
    await identity.call('/api/store/auth/login', {
      body: { email: customer.email, password: customer.password },
      ctx: { tenantId },
    }),
  );

beforeAll(async () => {
  await identity.call('/api/store/auth/register', { body: customer, ctx: { tenantId } });
});

test('the JWKS is public, holds only public RSA keys, and the rest of the service is not', async () => {
  const res = await fetch(`${identity.url}/.well-known/jwks.json`);
  expect(res.status).toBe(200);
  const { keys } = await json<{ keys: JWK[] }>(res);
  expect(keys).toHaveLength(1);
  for (const key of keys) {
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.stringMatching(/^key_/) });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(secret);
  }
  expect((await fetch(`${identity.url}/api/store/me`)).status).toBe(401);
  expect((await fetch(`${identity.url}/internal/keys/rotate`, { method: 'POST' })).status).toBe(401);
});

test('private keys are encrypted at rest with AES-256-GCM under the configured secret', async () => {
  const rows = await identity.owner('signing_keys').select('kid', 'private_jwk_encrypted');
  for (const row of rows) {
    expect(row.private_jwk_encrypted).toMatch(/^v1\./);
    expect(row.private_jwk_encrypted).not.toContain('"d"');
    const opened = JSON.parse(createKeyCipher(KEY_ENCRYPTION_KEY).open(row.private_jwk_encrypted, row.kid));
    expect(opened).toHaveProperty('d');
    expect(() =>
      createKeyCipher('another-secret-0123456789abcdef-xyz').open(row.private_jwk_encrypted, row.kid),
    ).toThrow();
    expect(() => createKeyCipher(KEY_ENCRYPTION_KEY).open(row.private_jwk_encrypted, 'key_other')).toThrow();
  }
});

test('only services may rotate keys', async () => {
  for (const kind of ['anonymous', 'customer', 'staff', 'platform_admin'] as const) {
    const res = await rotate({ tenantId, actor: { kind, id: 'x' } });
    expect(res.status).toBe(403);
  }
  expect((await jwks()).keys).toHaveLength(1);
});

test('after a rotation old tokens still verify, new tokens use the new kid, and another instance follows', async () => {
  const other = createSigningKeyRing({
    db: identity.db,
    cipher: createKeyCipher(KEY_ENCRYPTION_KEY),
    retentionSeconds: 4500,
    reloadMs: 200,
  });
  const before = await signIn();
  const oldKid = kidOf(before.accessToken);
  expect((await other.current()).kid).toBe(oldKid);

  const res = await rotate();
  expect(res.status).toBe(201);
  const { kid: newKid } = await json<{ kid: string }>(res);
  expect(newKid).not.toBe(oldKid);

  const published = (await jwks()).keys.map((k) => k.kid);
  expect(published).toEqual([newKid, oldKid]);
  // A verifier that has never seen either key (fresh cache) accepts the old token.
  const freshVerifier = createRemoteJWKSet(new URL(`${identity.url}/.well-known/jwks.json`));
  await expect(
    jwtVerify(before.accessToken, freshVerifier, { issuer: ISSUER, audience: 'fleet' }),
  ).resolves.toBeTruthy();

  const after = await signIn();
  expect(kidOf(after.accessToken)).toBe(newKid);
  expect(await identity.verify(after.accessToken)).toMatchObject({ tid: tenantId });
  await waitFor(
    'the other instance to pick up the new key',
    async () => (await other.current()).kid === newKid,
    {
      timeoutMs: 3000,
    },
  );
});

test('a retired key leaves the JWKS once every token it signed has expired', async () => {
  const [active, ...retired] = (await jwks()).keys.map((k) => k.kid);
  expect(retired.length).toBeGreaterThan(0);
  await identity
    .owner('signing_keys')
    .whereIn('kid', retired as string[])
    .update({ retired_at: new Date(Date.now() - (900 + 3600 + 60) * 1000) });
  expect((await jwks()).keys.map((k) => k.kid)).toEqual([active]);
});

test('instances booting together create exactly one key', async () => {
  await identity.owner('signing_keys').update({ retired_at: new Date() });
  await Promise.all(Array.from({ length: 5 }, () => ensureSigningKey(identity.deps)));
  expect(await identity.owner('signing_keys').whereNull('retired_at')).toHaveLength(1);
  await Promise.all(Array.from({ length: 3 }, () => ensureSigningKey(identity.deps)));
  expect(await identity.owner('signing_keys').whereNull('retired_at')).toHaveLength(1);
});
