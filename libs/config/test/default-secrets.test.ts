import { ConfigError, KNOWN_DEFAULT_SECRETS, common, loadConfig, secret, z } from '@fleet/config';

// In production every service refuses to start with a secret anyone can read in this repository
// (the dev defaults, the old compose fallbacks, the chart's placeholders), a placeholder or a short
// key: one line naming the variable. Development and tests keep running on the published defaults.

const schema = z.object({
  NODE_ENV: common.NODE_ENV,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  ENCRYPTION_KEY: secret(z.string().min(1).describe('A key.')),
  ADMIN_PASSWORD: secret(z.string().min(1).describe('A password.'), { minLength: 12 }),
  SEALING_KEYS: secret(z.string().min(1).describe('keyId:secret pairs.')),
  OPTIONAL_KEY: secret(z.string().min(1).describe('An optional key.'), { minLength: 16 }).optional(),
});

const good = {
  INTERNAL_SIGNING_KEY: 'a3f1c9e07b2d4e58a6c1f0e9d8b7a6c5',
  ENCRYPTION_KEY: '5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b',
  ADMIN_PASSWORD: 'correct horse battery',
  SEALING_KEYS: 'k2:9f8e7d6c5b4a39281706f5e4d3c2b1a0,k1:0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(schema, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  return [];
}

test('real secrets start in production', () => {
  expect(problemsOf({ NODE_ENV: 'production', ...good })).toEqual([]);
  expect(problemsOf({ NODE_ENV: 'production', ...good, OPTIONAL_KEY: 'c0ffee-0123456789ab' })).toEqual([]);
});

test.each(KNOWN_DEFAULT_SECRETS.map((value) => [value]))(
  'production refuses the published default %s, naming the variable on one line',
  (value) => {
    for (const key of ['ENCRYPTION_KEY', 'ADMIN_PASSWORD', 'SEALING_KEYS', 'OPTIONAL_KEY']) {
      const problems = problemsOf({ NODE_ENV: 'production', ...good, [key]: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${key} `));
      expect(problems[0]).not.toContain('\n');
      expect(problems[0]).not.toContain(value); // the line names the variable, never prints the secret
    }
  },
);

test('production refuses the dev signing keys of compose and npm start', () => {
  for (const value of [
    'dev-only-internal-signing-key-0123456789abcdef',
    'dev-only-internal-signing-key-change-me',
  ]) {
    const problems = problemsOf({ NODE_ENV: 'production', ...good, INTERNAL_SIGNING_KEY: value });
    expect(problems).toEqual([expect.stringMatching(/^INTERNAL_SIGNING_KEY is a default secret/)]);
  }
});

test('production refuses placeholders, a default hidden in a key pair, and short keys', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['ENCRYPTION_KEY', 'please-CHANGE-ME-to-something-0123456789', /placeholder/],
    ['ENCRYPTION_KEY', 'replace_me_with_a_real_key_0123456789', /placeholder/],
    ['SEALING_KEYS', `k2:${good.ENCRYPTION_KEY},k1:CHANGE_ME_TO_32_PLUS_RANDOM_CHARACTERS`, /default/],
    ['SEALING_KEYS', 'k1:short', /shorter than 32/],
    ['ENCRYPTION_KEY', 'x'.repeat(31), /shorter than 32/],
    ['ADMIN_PASSWORD', 'elevenchars', /shorter than 12/],
    ['OPTIONAL_KEY', 'fifteen-chars!!', /shorter than 16/],
  ];
  for (const [key, value, why] of cases) {
    const problems = problemsOf({ NODE_ENV: 'production', ...good, [key]: value });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${key} `))]);
    expect(problems[0]).toMatch(why);
  }
});

test('every weak secret gets its own line', () => {
  const problems = problemsOf({
    NODE_ENV: 'production',
    INTERNAL_SIGNING_KEY: 'dev-only-internal-signing-key-change-me',
    ENCRYPTION_KEY: 'compose-only-key-encryption-key-change-me',
    ADMIN_PASSWORD: 'change-me-now',
    SEALING_KEYS: 'compose:compose-only-payment-credentials-key-change-me',
  });
  expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
    'ADMIN_PASSWORD',
    'ENCRYPTION_KEY',
    'INTERNAL_SIGNING_KEY',
    'SEALING_KEYS',
  ]);
});

test('development and test runs accept the published defaults', () => {
  const defaults = {
    INTERNAL_SIGNING_KEY: 'dev-only-internal-signing-key-change-me',
    ENCRYPTION_KEY: 'dev-only-key-encryption-key-change-me-please',
    ADMIN_PASSWORD: 'fleet-admin-dev',
    SEALING_KEYS: 'dev:dev-only-payment-credentials-key-change-me',
  };
  for (const NODE_ENV of ['development', 'test', undefined]) {
    expect(problemsOf({ NODE_ENV, ...defaults })).toEqual([]);
  }
});
