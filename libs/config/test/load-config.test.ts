import { ConfigError, common, loadConfig, z } from '@fleet/config';

const schema = z.object({
  PORT: common.PORT,
  DATABASE_URL: common.DATABASE_URL,
  LOG_LEVEL: common.LOG_LEVEL,
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(schema, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('returns typed values with defaults applied', () => {
    const config = loadConfig(schema, { PORT: '8080', DATABASE_URL: 'postgres://app@db:5432/fleet' });
    expect(config).toEqual({ PORT: 8080, DATABASE_URL: 'postgres://app@db:5432/fleet', LOG_LEVEL: 'info' });
  });

  it('gives one line per bad or missing variable, each naming it', () => {
    const problems = problemsOf({ PORT: 'not-a-port' });
    expect(problems).toHaveLength(2);
    const port = problems.find((p) => p.startsWith('PORT '));
    const db = problems.find((p) => p.startsWith('DATABASE_URL '));
    expect(port).toMatch(/^PORT is invalid \(.+\) — HTTP port this process listens on\.$/);
    expect(db).toMatch(/^DATABASE_URL is missing — Postgres URL/);
    problems.forEach((p) => expect(p).not.toContain('\n'));
  });

  it('lists every problem in the error message', () => {
    expect(() => loadConfig(schema, { PORT: '70000', DATABASE_URL: 'x', LOG_LEVEL: 'loud' })).toThrow(
      /Invalid configuration:\n {2}- PORT .*\n {2}- DATABASE_URL .*\n {2}- LOG_LEVEL /,
    );
  });
});

test('a described common key keeps its description when a service adds a default', () => {
  const schema = z.object({ PORT: common.PORT.default(4001) });
  try {
    loadConfig(schema, { PORT: 'not-a-port' });
    throw new Error('expected a ConfigError');
  } catch (err) {
    expect((err as ConfigError).problems).toEqual([
      expect.stringMatching(/^PORT is invalid .* — HTTP port this process listens on\.$/),
    ]);
  }
});
