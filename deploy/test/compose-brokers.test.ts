// docker-compose.yml runs Redis and RabbitMQ with credentials of .env, and every service logs in
// with them: the services run with NODE_ENV=production and refuse, beyond loopback, RabbitMQ's
// guest account and a Redis without a password (libs/config/test/credential-urls.test.ts).
import * as path from 'node:path';
import { common, loadConfig, z, type ConfigSchema } from '@fleet/config';
import { composeFile, platformServices, readCompose, root } from './compose-file';

const compose = readCompose(composeFile);
const required = (name: string) => `\${${name}:?set ${name} in .env (copy .env.example)}`;

test('Redis requires the password of .env, and its healthcheck logs in with it', () => {
  const redis = compose.services.redis!;
  const command = redis.command ?? [];
  expect(command[0]).toBe('redis-server');
  expect(command[command.indexOf('--requirepass') + 1]).toBe(required('REDIS_PASSWORD'));
  expect(redis.environment?.REDISCLI_AUTH).toBe(required('REDIS_PASSWORD'));
  expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
});

test('RabbitMQ creates the user and password of .env', () => {
  expect(compose.services.rabbitmq!.environment).toEqual({
    RABBITMQ_DEFAULT_USER: required('RABBITMQ_DEFAULT_USER'),
    RABBITMQ_DEFAULT_PASS: required('RABBITMQ_DEFAULT_PASS'),
  });
});

test('every service logs in to Redis and RabbitMQ with those credentials', () => {
  const urls = Object.entries(compose.services).flatMap(([name, service]) =>
    Object.entries(service.environment ?? {})
      .filter(([key]) => key === 'REDIS_URL' || key === 'AMQP_URL')
      .map(([key, value]) => ({ name, key, value: String(value) })),
  );
  expect(urls.filter((u) => u.key === 'REDIS_URL').length).toBeGreaterThanOrEqual(5);
  expect(urls.filter((u) => u.key === 'AMQP_URL').length).toBeGreaterThanOrEqual(5);
  for (const { name, key, value } of urls) {
    const expected =
      key === 'REDIS_URL'
        ? `redis://:${required('REDIS_PASSWORD')}@redis:6379`
        : `amqp://${required('RABBITMQ_DEFAULT_USER')}:${required('RABBITMQ_DEFAULT_PASS')}@rabbitmq:5672`;
    expect({ name, key, value }).toEqual({ name, key, value: expected });
  }
});

// Whatever a service's config declares (common.REDIS_URL, a re-described one, or a key of its own),
// its production start refuses the broker URLs compose used to give it.
describe.each(platformServices())('$dir in production', ({ dir }) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const shape = (require(path.join(root, dir, 'src/config.ts')) as { configSchema: ConfigSchema })
    .configSchema.shape;
  const refused: Record<string, string> = {
    REDIS_URL: 'redis://redis:6379',
    AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
  };

  test.each(Object.keys(refused).filter((key) => key in shape))('refuses the old %s', (key) => {
    const schema = z.object({ NODE_ENV: common.NODE_ENV, [key]: shape[key]! });
    expect(() => loadConfig(schema, { NODE_ENV: 'production', [key]: refused[key] })).toThrow(
      new RegExp(`^Invalid configuration:\\n  - ${key} `),
    );
    expect(loadConfig(schema, { NODE_ENV: 'development', [key]: refused[key] })).toBeTruthy();
  });
});
