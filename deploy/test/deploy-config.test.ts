// Keeps docker-compose.yml and the Helm chart honest: the compose file is valid, the chart is well
// formed, and both have an entry for every service folder that has a `src/main.ts`, pointing at the
// file `tsc -b` actually emits. No YAML parser is installed, so the scans below are line-based and
// rely on the files' two-space indentation.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const composeFile = path.join(root, 'docker-compose.yml');
const keycloakOverride = path.join(root, 'deploy/compose/keycloak.yml');
const chartDir = path.join(root, 'helm/fleet');

const hasCompose = (() => {
  const result = spawnSync('docker-compose', ['version'], { stdio: 'ignore', timeout: 15000 });
  return !result.error && result.status === 0;
})();
if (!hasCompose) {
  console.warn(
    'deploy-config: skipped `docker-compose config -q`: the `docker-compose` command is not installed ' +
      '(Debian: apt-get install docker-compose). The line-based checks still run.',
  );
}
const maybe = hasCompose ? test : test.skip;

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** The lines of the top-level `name:` block, up to the next top-level key. */
function topLevelBlock(text: string, name: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${name}:`));
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && /^[^\s#]/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Entries of a block: each key at two-space indentation, with the lines below it. */
function entries(block: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of block) {
    const key = /^ {2}([\w.-]+):/.exec(line);
    if (key) out.set(key[1]!, (current = []));
    else current?.push(line);
  }
  return out;
}

/** Names under `depends_on:` in one service's lines (map form or list form). */
function dependsOn(lines: string[]): string[] {
  const start = lines.findIndex((line) => /^ {4}depends_on:/.test(line));
  if (start < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!/^ {6}/.test(line) && line.trim()) break;
    const match = /^ {6}(?:- )?([\w.-]+):?\s*$/.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}

/**
 * Workspace folders (from the root package.json globs) that are services: they have src/main.ts.
 * `host` is not one: it runs every service in each of its processes on one machine (npm start),
 * while compose and the chart run a container per service.
 */
function serviceFolders(): string[] {
  const { workspaces } = JSON.parse(read(path.join(root, 'package.json'))) as { workspaces: string[] };
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = path.join(root, pattern.slice(0, -2));
    if (!fs.existsSync(parent)) return [];
    return fs
      .readdirSync(parent, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${pattern.slice(0, -2)}/${d.name}`);
  });
  return dirs.filter((dir) => dir !== 'host' && fs.existsSync(path.join(root, dir, 'src/main.ts')));
}

/** Where `tsc -b` writes src/main.ts of a workspace, relative to the repository root. */
function compiledEntry(dir: string): string {
  const configFile = path.join(root, dir, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(`${configFile}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configFile));
  const rootDir = options.rootDir ?? path.join(root, dir);
  const outDir = options.outDir ?? path.join(root, dir);
  const out = path.join(outDir, path.relative(rootDir, path.join(root, dir, 'src/main.js')));
  return path.relative(root, out).split(path.sep).join('/');
}

/** tenancy/registry -> tenancy-registry, gateway -> gateway, services/catalog -> catalog. */
function serviceName(dir: string): string {
  return dir.replace(/^services\//, '').replace(/\//g, '-');
}

/** The variables .env.example lists: the secrets an operator supplies in .env. */
function exampleNames(): string[] {
  return read(path.join(root, '.env.example'))
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => Boolean(name));
}

/** A throw-away env file with a test-only value for every secret (never real secrets in the repo). */
function testEnvFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-env-')), 'test.env');
  fs.writeFileSync(
    file,
    exampleNames()
      .map((name) => `${name}=test-only-${name.toLowerCase()}\n`)
      .join(''),
  );
  return file;
}

const camelCase = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe('docker-compose.yml', () => {
  const compose = read(composeFile);
  const services = entries(topLevelBlock(compose, 'services'));

  maybe('passes `docker-compose config -q` with the secrets of a test-only env file', () => {
    const result = spawnSync(
      'docker-compose',
      ['--env-file', testEnvFile(), '-f', composeFile, 'config', '-q'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 30000,
      },
    );
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
  });

  maybe('with the Keycloak override, passes `docker-compose config -q` too', () => {
    const result = spawnSync(
      'docker-compose',
      ['--env-file', testEnvFile(), '-f', composeFile, '-f', keycloakOverride, 'config', '-q'],
      { cwd: root, encoding: 'utf8', timeout: 30000 },
    );
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
  });

  maybe('refuses to run without the secrets of .env', () => {
    const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-env-')), 'empty.env');
    fs.writeFileSync(empty, '');
    const env = { ...process.env };
    for (const name of exampleNames()) delete env[name];
    const result = spawnSync('docker-compose', ['--env-file', empty, '-f', composeFile, 'config', '-q'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30000,
      env,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/\.env/);
  });

  maybe('declares the services the line-based scan sees', () => {
    const result = spawnSync(
      'docker-compose',
      ['--env-file', testEnvFile(), '-f', composeFile, 'config', '--services'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 30000,
      },
    );
    expect(result.stdout.trim().split('\n').sort()).toEqual([...services.keys()].sort());
  });

  test('depends_on names only services that exist, and mounted files exist', () => {
    expect(services.size).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const [name, lines] of services) {
      for (const dependency of dependsOn(lines)) {
        if (!services.has(dependency)) problems.push(`${name} depends on unknown service ${dependency}`);
      }
      for (const line of lines) {
        const mount = /^\s+- ['"]?(\.\/[^:'"]+):/.exec(line);
        const source = mount?.[1];
        if (source && !fs.existsSync(path.join(root, source)))
          problems.push(`${name} mounts missing ${source}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('runs every service folder that has a src/main.ts', () => {
    const missing = serviceFolders()
      .map((dir) => ({ name: serviceName(dir), entry: compiledEntry(dir) }))
      .filter(({ name, entry }) => !services.get(name)?.some((line) => line.includes(entry)))
      .map(({ name, entry }) => `${name} (command running ${entry})`);
    expect(missing).toEqual([]);
  });
});

describe('helm/fleet', () => {
  test('Chart.yaml has apiVersion v2, a name and a version', () => {
    const chart = read(path.join(chartDir, 'Chart.yaml'));
    expect(chart).toMatch(/^apiVersion:\s*v2\s*$/m);
    expect(chart).toMatch(/^name:\s*\S+/m);
    expect(chart).toMatch(/^version:\s*['"]?\d+\.\d+\.\d+/m);
  });

  test('every template opens and closes its {{ }} in order', () => {
    const dir = path.join(chartDir, 'templates');
    const files = fs.readdirSync(dir).filter((f) => /\.(ya?ml|tpl|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const unbalanced = files.filter((file) => {
      let depth = 0;
      for (const token of read(path.join(dir, file)).match(/\{\{|\}\}/g) ?? []) {
        depth += token === '{{' ? 1 : -1;
        if (depth < 0 || depth > 1) return true;
      }
      return depth !== 0;
    });
    expect(unbalanced).toEqual([]);
  });

  test('values.yaml has a services entry for every service folder that has a src/main.ts', () => {
    const services = entries(topLevelBlock(read(path.join(chartDir, 'values.yaml')), 'services'));
    expect(services.size).toBeGreaterThan(0);
    const missing = serviceFolders()
      .map((dir) => ({ key: camelCase(serviceName(dir)), entry: compiledEntry(dir) }))
      .filter(({ key, entry }) => !services.get(key)?.some((line) => line.includes(entry)))
      .map(({ key, entry }) => `services.${key} (command running ${entry})`);
    expect(missing).toEqual([]);
  });
});

// Secrets: compose takes each from the operator's .env (no fallback value in the file), Helm
// requires each (no value in the chart). The services refuse published defaults in production
// (libs/config/test/default-secrets.test.ts).
describe('secrets come from the operator', () => {
  // The base file and the Keycloak override (its admin password and client secret).
  const compose = read(composeFile) + read(keycloakOverride);

  test('docker-compose.yml requires every secret with ${VAR:?} and .env.example lists each', () => {
    const required = new Set([...compose.matchAll(/\$\{([A-Z][A-Z0-9_]*):\?[^}]+\}/g)].map((m) => m[1]!));
    const listed = exampleNames();
    expect([...required].sort()).toEqual([...listed].sort());
    // Except the postgres container's own: `docker compose up -d postgres` is the tests' database
    // (trust auth, see the file's header); the migrate service, which uses it, requires it.
    for (const name of listed.filter((n) => n !== 'POSTGRES_PASSWORD')) {
      expect(compose).not.toMatch(new RegExp(`\\$\\{${name}:-`)); // no published fallback
    }
    for (const name of [
      'INTERNAL_SIGNING_KEY',
      'IDENTITY_KEY_ENCRYPTION_KEY',
      'PAYMENT_CREDENTIALS_KEY',
      'PLATFORM_ADMIN_PASSWORD',
      'FLEET_APP_DB_PASSWORD',
    ]) {
      expect(listed).toContain(name);
    }
  });

  test('no known default secret or placeholder is left in docker-compose.yml or the chart', () => {
    const files = [composeFile, path.join(chartDir, 'values.yaml')];
    for (const file of files) {
      const text = read(file);
      for (const placeholder of [
        'CHANGE_ME',
        'change-me',
        'dev-only',
        'compose-only',
        'fleet_app:fleet_app',
      ]) {
        expect({ file, found: text.includes(placeholder) ? placeholder : null }).toEqual({
          file,
          found: null,
        });
      }
    }
  });

  test('the chart requires every secret value: the Secret renders each through `required`', () => {
    const secret =
      read(path.join(chartDir, 'templates/secret.yaml')) +
      read(path.join(chartDir, 'templates/secret-migrate.yaml'));
    const values = secret.split('\n').filter((line) => /^\s+\{\{ .*\}\}: \{\{/.test(line));
    expect(values.length).toBe(3); // shared, per service, per migration Job
    for (const line of values) expect(line).toMatch(/: \{\{ required \(printf "[^"]+ is required/);
    const valuesFile = read(path.join(chartDir, 'values.yaml'));
    const secretLines = valuesFile
      .split('\n')
      .filter((line) => /^\s+(\w*(KEY|PASSWORD)|\w*DATABASE_URL|AMQP_URL|REDIS_URL):/.test(line));
    expect(secretLines.length).toBeGreaterThan(20);
    for (const line of secretLines) expect(line).toMatch(/: '' # required/);
  });
});

// The schema owner's credentials go to migrations only: compose's one-shot `migrate` service
// and Helm's migration Jobs. No running service gets MIGRATION_DATABASE_URL, the superuser's URL
// or the admin URL.
describe('only migrations get the schema owner', () => {
  const OWNER =
    /MIGRATION_DATABASE_URL|DATABASE_ADMIN_URL|postgres:\/\/(postgres|fleet_owner)[:@]|POSTGRES_PASSWORD/;

  test('in docker-compose.yml, only the migrate service has owner or superuser credentials', () => {
    const services = entries(topLevelBlock(read(composeFile), 'services'));
    const anchors = read(composeFile)
      .split('\nservices:')[0]!
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'));
    expect(anchors.filter((line) => OWNER.test(line))).toEqual([]); // x-service-env reaches every service
    const holders = [...services]
      .filter(([name]) => name !== 'postgres')
      .filter(([, lines]) => lines.some((line) => !line.trim().startsWith('#') && OWNER.test(line)))
      .map(([name]) => name);
    expect(holders).toEqual(['migrate']);
  });

  test('in docker-compose.yml, every service with a database waits for migrate to complete', () => {
    const services = entries(topLevelBlock(read(composeFile), 'services'));
    const withDatabase = [...services].filter(([, lines]) => lines.some((l) => /DATABASE_URL:/.test(l)));
    expect(withDatabase.length).toBeGreaterThanOrEqual(7);
    for (const [name, lines] of withDatabase) {
      if (name === 'migrate') continue;
      const at = lines.findIndex((line) => /^ {6}migrate:/.test(line));
      expect({ name, waits: at >= 0 && /service_completed_successfully/.test(lines[at + 1] ?? '') }).toEqual({
        name,
        waits: true,
      });
    }
    const migrate = services.get('migrate') ?? [];
    expect(migrate.join('\n')).toMatch(/scripts\/migrate-all\.js/);
    expect(fs.existsSync(path.join(root, 'scripts/migrate-all.js'))).toBe(true);
  });

  // The chart: deploy/test/helm-chart.test.ts renders it and checks the Deployments and Jobs.

  test('npm start and the benchmarks give the owner URL to migrate.js only', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { serviceEnv, migrateEnv } = require('../../scripts/dev-env') as {
      serviceEnv(service: unknown): NodeJS.ProcessEnv;
      migrateEnv(service: unknown): NodeJS.ProcessEnv;
    };
    const { services } = require('../../scripts/services') as {
      services: Array<{ database: string | null }>;
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    for (const service of services) {
      expect(serviceEnv(service).MIGRATION_DATABASE_URL).toBeUndefined();
      if (service.database) expect(migrateEnv(service).MIGRATION_DATABASE_URL).toContain(service.database);
    }
  });
});

// Operations endpoints: the gateway's probes and scrapes go to its ops port; containers listen
// on their network (BIND_ADDRESS), not on loopback.
describe('operations endpoints and listeners', () => {
  test("compose: the gateway's healthcheck asks its ops port, and the ops port is not published", () => {
    const services = entries(topLevelBlock(read(composeFile), 'services'));
    const gateway = (services.get('gateway') ?? []).join('\n');
    expect(gateway).toMatch(/OPS_PORT: '9080'/);
    expect(gateway).toMatch(/127\.0\.0\.1:9080\/readyz/);
    expect(gateway).not.toMatch(/8080\/readyz/);
    expect(gateway).not.toMatch(/- '[^']*9080/);
    expect(read(composeFile)).toMatch(/^ {2}BIND_ADDRESS: 0\.0\.0\.0$/m);
  });

  test('helm: probes and the scrape annotation use the ops port where a service has one', () => {
    const deployments = read(path.join(chartDir, 'templates/deployments.yaml'));
    expect(deployments).toMatch(/path: \/readyz, port: \{\{ if \$svc\.opsPort \}\}ops\{\{ else \}\}http/);
    expect(deployments).toMatch(/prometheus\.io\/port: \{\{ \$svc\.opsPort \| default \$svc\.port/);
    const values = read(path.join(chartDir, 'values.yaml'));
    expect(values).toMatch(/^ {4}opsPort: 9080$/m);
    expect(values).toMatch(/^ {2}BIND_ADDRESS: 0\.0\.0\.0$/m);
    const services = read(path.join(chartDir, 'templates/services.yaml'));
    expect(services).not.toMatch(/opsPort/); // the Service (and so the Ingress) exposes the public port only
  });
});
