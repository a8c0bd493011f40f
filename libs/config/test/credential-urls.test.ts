import { ConfigError, common, credentialUrl, isLoopbackHost, loadConfig, z } from '@fleet/config';

// In production a service refuses to log in to RabbitMQ as its default `guest` account or without a
// password, and to a Redis without a password: one line naming the variable. A broker on loopback is
// the exception (RabbitMQ lets `guest` in only from loopback; the bench and e2e platforms run there),
// and development and tests keep the local defaults.

const schema = z.object({
  NODE_ENV: common.NODE_ENV,
  AMQP_URL: common.AMQP_URL,
  REDIS_URL: common.REDIS_URL,
  CACHE_URL: common.REDIS_URL.describe('A service re-describing the common key keeps the rule.'),
  QUEUE_URL: credentialUrl(z.url().describe('A service key of its own.'), 'redis').optional(),
});

const good = {
  AMQP_URL: 'amqp://fleet:9f8e7d6c5b4a3928@rabbitmq:5672',
  REDIS_URL: 'redis://:0a1b2c3d4e5f6071@redis:6379',
  CACHE_URL: 'rediss://default:0a1b2c3d4e5f6071@cache.example.com:6380/2',
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

test('production starts with a user and password of its own', () => {
  expect(problemsOf({ NODE_ENV: 'production', ...good })).toEqual([]);
  expect(
    problemsOf({ NODE_ENV: 'production', ...good, QUEUE_URL: 'redis://queue:s3cr3t-pass@queue:6379' }),
  ).toEqual([]);
});

test.each([
  ['AMQP_URL', 'amqp://guest:guest@rabbitmq:5672', /^AMQP_URL logs in as RabbitMQ's default guest account: /],
  ['AMQP_URL', 'amqp://guest:a-real-password@rabbitmq:5672', /^AMQP_URL logs in as RabbitMQ's default guest/],
  ['AMQP_URL', 'amqp://rabbitmq:5672', /^AMQP_URL has no password: create a RabbitMQ user/],
  ['AMQP_URL', 'amqps://fleet@rabbitmq.example.com', /^AMQP_URL has no password: /],
  ['REDIS_URL', 'redis://redis:6379', /^REDIS_URL has no password: start Redis with requirepass/],
  ['REDIS_URL', 'redis://default@10.0.0.7:6379', /^REDIS_URL has no password: /],
  ['CACHE_URL', 'rediss://cache.example.com:6380', /^CACHE_URL has no password: /],
  ['QUEUE_URL', 'redis://queue:6379', /^QUEUE_URL has no password: /],
])('production refuses %s=%s, naming the variable on one line', (key, value, why) => {
  const problems = problemsOf({ NODE_ENV: 'production', ...good, [key]: value });
  expect(problems).toEqual([expect.stringMatching(why)]);
  expect(problems[0]).not.toContain('\n');
});

test('production refuses the defaults when the broker is elsewhere, one line each', () => {
  const problems = problemsOf({
    NODE_ENV: 'production',
    AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
    REDIS_URL: 'redis://redis:6379',
    CACHE_URL: 'redis://redis:6379/1',
  });
  expect(problems.map((p) => p.split(' ')[0])).toEqual(['AMQP_URL', 'REDIS_URL', 'CACHE_URL']);
});

test('production accepts guest and password-less brokers on loopback', () => {
  for (const host of ['127.0.0.1', 'localhost', '[::1]', '127.0.0.53']) {
    const env = {
      NODE_ENV: 'production',
      AMQP_URL: `amqp://guest:guest@${host}:5672`,
      REDIS_URL: `redis://${host}:6379`,
      CACHE_URL: `redis://${host}:6379/1`,
    };
    expect(problemsOf(env)).toEqual([]);
  }
  // The defaults of every service are loopback ones.
  expect(problemsOf({ NODE_ENV: 'production', CACHE_URL: 'redis://127.0.0.1:6379' })).toEqual([]);
});

test('development and test runs accept guest and password-less brokers anywhere', () => {
  const local = {
    AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
    REDIS_URL: 'redis://redis:6379',
    CACHE_URL: 'redis://redis:6379',
  };
  for (const NODE_ENV of ['development', 'test', undefined]) {
    expect(problemsOf({ NODE_ENV, ...local })).toEqual([]);
  }
});

test('loopback is 127.0.0.0/8, ::1 and localhost, nothing that merely looks like them', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]']) {
    expect(isLoopbackHost(host)).toBe(true);
  }
  for (const host of ['127.0.0.1.example.com', 'localhost.example.com', '10.0.0.1', '0.0.0.0', '::']) {
    expect(isLoopbackHost(host)).toBe(false);
  }
});
