import { ConfigError, loadConfig } from '@fleet/config';
import { configSchema } from '../src/config';

// The identity service's own secrets under production: the values docker-compose.yml and the Helm
// chart used to ship are refused, one line per variable.

const env = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://fleet_app:s3cret@db:5432/fleet_identity',
  RELAY_DATABASE_URL: 'postgres://fleet_relay:s3cret@db:5432/fleet_identity',
  INTERNAL_SIGNING_KEY: 'dev-only-internal-signing-key-0123456789abcdef',
  IDENTITY_KEY_ENCRYPTION_KEY: 'compose-only-key-encryption-key-change-me',
  PLATFORM_ADMIN_EMAIL: 'admin@fleet.local',
  PLATFORM_ADMIN_PASSWORD: 'change-me-now',
};

function problemsOf(values: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(configSchema, values);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

test('production refuses the old compose defaults, naming each variable', () => {
  expect(
    problemsOf(env)
      .map((line) => line.split(' ')[0])
      .sort(),
  ).toEqual(['IDENTITY_KEY_ENCRYPTION_KEY', 'INTERNAL_SIGNING_KEY', 'PLATFORM_ADMIN_PASSWORD']);
  expect(problemsOf({ ...env, PLATFORM_ADMIN_PASSWORD: 'CHANGE_ME' })).toContainEqual(
    expect.stringMatching(/^PLATFORM_ADMIN_PASSWORD /),
  );
});

test('production starts with secrets of its own; development keeps the defaults', () => {
  const own = {
    ...env,
    INTERNAL_SIGNING_KEY: '6b1d0e9f2c3a4b5d6e7f8091a2b3c4d5',
    IDENTITY_KEY_ENCRYPTION_KEY: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
    PLATFORM_ADMIN_PASSWORD: 'a long admin passphrase',
  };
  expect(problemsOf(own)).toEqual([]);
  expect(problemsOf({ ...env, NODE_ENV: 'development' })).toEqual([]);
});
