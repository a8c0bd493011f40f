import { randomBytes, scryptSync } from 'node:crypto';
import { loadConfig } from '@fleet/config';
import { configSchema } from '../src/config';
import { createPasswordHasher, PASSWORD_HASH_COST } from '../src/domain/password';
import { ADMIN, json, newTenant, service, startIdentity, type IdentityFixture } from './identity-fixture';

// Hashing at the production cost (2^17, 128 MiB, ~0.2-2 s of CPU each depending on the machine).
jest.setTimeout(120_000);

/** A hash as identity wrote them before: scrypt N=2^14, r=8, p=1, same string format. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const costOf = (hash: string) => Number(hash.split('$')[1]);

describe('the hasher', () => {
  const hasher = createPasswordHasher();

  test('new hashes use OWASP parameters (N=2^17, r=8, p=1), stored in the hash, and verify', async () => {
    const hash = await hasher.hash('correct horse 1');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(hash).not.toContain('correct horse 1');
    expect(await hasher.verify('correct horse 1', hash)).toEqual({ valid: true, outdated: false });
    expect(await hasher.verify('correct horse 2', hash)).toEqual({ valid: false, outdated: false });
  });

  test('an old 2^14 hash still verifies and is reported outdated; a wrong password is not', async () => {
    const old = legacyHash('legacy-pass-1');
    expect(await hasher.verify('legacy-pass-1', old)).toEqual({ valid: true, outdated: true });
    expect(await hasher.verify('legacy-pass-2', old)).toEqual({ valid: false, outdated: false });
  });

  test('unknown accounts and malformed or absurd stored hashes never verify', async () => {
    const cheap = createPasswordHasher({ cost: 10 });
    expect(await cheap.verify('anything-1', undefined)).toEqual({ valid: false, outdated: false });
    for (const stored of [
      '',
      'plain',
      'bcrypt$x$y',
      `scrypt$${2 ** 30}$8$1$c2FsdA$aGFzaA`,
      'scrypt$1000$8$1$a$b',
    ]) {
      expect((await cheap.verify('anything-1', stored)).valid).toBe(false);
    }
  });

  test('a hash made at a higher cost is not "outdated" for a lower-cost (test) hasher', async () => {
    const strong = await createPasswordHasher({ cost: 13 }).hash('pass-word-1');
    expect(await createPasswordHasher({ cost: 11 }).verify('pass-word-1', strong)).toEqual({
      valid: true,
      outdated: false,
    });
  });
});

describe('PASSWORD_HASH_COST', () => {
  const env = {
    DATABASE_URL: 'postgres://app@127.0.0.1/identity',
    RELAY_DATABASE_URL: 'postgres://relay@127.0.0.1/identity',
    INTERNAL_SIGNING_KEY: 'x'.repeat(40),
    IDENTITY_KEY_ENCRYPTION_KEY: 'y'.repeat(40),
    PLATFORM_ADMIN_EMAIL: 'root@fleet.test',
    PLATFORM_ADMIN_PASSWORD: 'a-long-admin-password',
  };

  test('defaults to 17; tests may lower it; production refuses anything below 17', () => {
    expect(loadConfig(configSchema, env).PASSWORD_HASH_COST).toBe(PASSWORD_HASH_COST.default);
    expect(PASSWORD_HASH_COST.default).toBe(17);
    expect(
      loadConfig(configSchema, { ...env, NODE_ENV: 'test', PASSWORD_HASH_COST: '12' }).PASSWORD_HASH_COST,
    ).toBe(12);
    expect(() =>
      loadConfig(configSchema, { ...env, NODE_ENV: 'production', PASSWORD_HASH_COST: '14' }),
    ).toThrow(/PASSWORD_HASH_COST is invalid \(must be at least 17 in production\)/);
    expect(loadConfig(configSchema, { ...env, NODE_ENV: 'production' }).PASSWORD_HASH_COST).toBe(17);
    expect(() => loadConfig(configSchema, { ...env, PASSWORD_HASH_COST: '9' })).toThrow(/PASSWORD_HASH_COST/);
  });
});

describe('rehash on login', () => {
  let identity: IdentityFixture;
  beforeAll(async () => {
    // 2^15 keeps this test cheap; the upgrade rule is the same at 17 (the hasher tests above).
    identity = await startIdentity('id_rehash', { passwordHashCost: 15 });
  });
  afterAll(() => identity.close());

  const tenantId = newTenant();
  const password = 'legacy-pass-1';

  test('customers, staff and platform admins with a 2^14 hash sign in and get a current hash', async () => {
    const signIn = (path: string, body: unknown, ctx = {}) => identity.call(path, { body, ctx });
    await identity.owner('customers').insert({
      tenant_id: tenantId,
      id: 'cus_legacy',
      email: 'shopper@legacy.test',
      name: 'Legacy Shopper',
      password_hash: legacyHash(password),
    });
    const staff = await json<{ staff: { id: string } }>(
      await identity.call('/internal/staff', {
        body: { email: 'owner@legacy.test', password: 'replaced-below', name: 'Owner', role: 'owner' },
        ctx: service(tenantId),
      }),
    );
    await identity
      .owner('staff')
      .where({ id: staff.staff.id })
      .update({ password_hash: legacyHash(password) });
    await identity
      .owner('platform_admins')
      .where({ email: ADMIN.email })
      .update({
        password_hash: legacyHash(ADMIN.password),
      });

    const cases = [
      {
        table: 'customers',
        email: 'shopper@legacy.test',
        path: '/api/store/auth/login',
        ctx: { tenantId },
        password,
      },
      {
        table: 'staff',
        email: 'owner@legacy.test',
        path: '/api/admin/auth/login',
        ctx: { tenantId },
        password,
      },
      {
        table: 'platform_admins',
        email: ADMIN.email,
        path: '/api/platform/auth/login',
        ctx: {},
        password: ADMIN.password,
      },
    ];
    for (const c of cases) {
      const hashOf = async () =>
        ((await identity.owner(c.table).where({ email: c.email }).first()) as { password_hash: string })
          .password_hash;
      // A wrong password fails and changes nothing.
      const wrong = await signIn(c.path, { email: c.email, password: 'not-the-password' }, c.ctx);
      expect(wrong.status).toBe(401);
      expect(costOf(await hashOf())).toBe(2 ** 14);

      const ok = await signIn(c.path, { email: c.email, password: c.password }, c.ctx);
      expect(ok.status).toBe(200);
      const upgraded = await hashOf();
      expect(upgraded).toMatch(/^scrypt\$32768\$8\$1\$/);

      // The new hash signs in, and is left alone (it is current).
      const again = await signIn(c.path, { email: c.email, password: c.password }, c.ctx);
      expect(again.status).toBe(200);
      expect(await hashOf()).toBe(upgraded);
      expect((await signIn(c.path, { email: c.email, password: 'not-the-password' }, c.ctx)).status).toBe(
        401,
      );
    }
  });
});
