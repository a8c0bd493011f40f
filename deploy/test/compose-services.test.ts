// docker-compose.yml brings the platform up in order and gives each service only what it reads:
// every service of scripts/services.js has a block that waits for the one-shot `migrate`, has a
// healthcheck, and every variable it is given is declared by its config schema (a variable nothing
// reads is a setting the operator believes in and the platform ignores).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  composeFile,
  composeName,
  configKeys,
  keycloakOverrideFile,
  platformServices,
  requiredConfigKeys,
  readCompose,
  root,
  type ComposeService,
} from './compose-file';

const compose = readCompose(composeFile);
const override = readCompose(keycloakOverrideFile);

function dependsOn(service: ComposeService): Record<string, { condition: string }> {
  const deps = service.depends_on ?? {};
  return Array.isArray(deps)
    ? Object.fromEntries(deps.map((name) => [name, { condition: 'service_started' }]))
    : deps;
}

const platform = platformServices().map((s) => ({ ...s, compose: composeName(s.dir) }));

test('scripts/services.js is read (a renamed or empty list would make the checks below vacuous)', () => {
  expect(platform.length).toBeGreaterThanOrEqual(10);
  expect(platform.map((s) => s.compose)).toEqual(expect.arrayContaining(['gateway', 'tenancy-registry']));
});

describe.each(platform)('compose service $compose', ({ compose: name, dir }) => {
  const service = compose.services[name];

  test('has a block running its compiled entry point', () => {
    expect(service).toBeDefined();
    expect(service!.command).toEqual(['node', `${dir}/dist/main.js`]);
  });

  test('waits for migrate to complete successfully', () => {
    expect(dependsOn(service!).migrate).toEqual({ condition: 'service_completed_successfully' });
  });

  test('has a healthcheck on its readiness endpoint', () => {
    expect(JSON.stringify(service!.healthcheck?.test)).toMatch(/\/readyz/);
  });

  test('is given only variables its config schema reads', () => {
    const keys = new Set(configKeys(dir));
    const given = [
      ...Object.keys(service!.environment ?? {}),
      ...Object.keys(override.services[name]?.environment ?? {}),
    ];
    expect(given.length).toBeGreaterThan(0);
    expect(given.filter((variable) => !keys.has(variable))).toEqual([]);
  });

  test('is given every variable its config cannot start without', () => {
    const given = new Set(Object.keys(service!.environment ?? {}));
    expect(requiredConfigKeys(dir).filter((variable) => !given.has(variable))).toEqual([]);
  });
});

test('every container of the stack has a healthcheck, the mail sink and Keycloak included', () => {
  const all = { ...compose.services, ...override.services };
  const missing = Object.entries(all)
    .filter(([name]) => name !== 'migrate') // one-shot: "completed successfully" is its health
    .filter(([name, service]) => !(service.healthcheck ?? compose.services[name]?.healthcheck)?.test)
    .map(([name]) => name);
  expect(missing).toEqual([]);
  expect(Object.keys(all)).toEqual(expect.arrayContaining(['mailpit', 'meilisearch', 'keycloak']));
});

test('a service that depends on another waits for it to be healthy (or, for migrate, completed)', () => {
  const problems: string[] = [];
  for (const [name, service] of Object.entries({ ...compose.services, ...override.services })) {
    for (const [dependency, { condition }] of Object.entries(dependsOn(service))) {
      const expected = dependency === 'migrate' ? 'service_completed_successfully' : 'service_healthy';
      if (condition !== expected) problems.push(`${name} -> ${dependency}: ${condition}`);
    }
  }
  expect(problems).toEqual([]);
});

test('migrate runs scripts/migrate-all.js, which reads every variable it is given', () => {
  const migrate = compose.services.migrate!;
  expect(migrate.command).toEqual(['node', 'scripts/migrate-all.js']);
  const source = fs.readFileSync(path.join(root, 'scripts/migrate-all.js'), 'utf8');
  const unread = Object.keys(migrate.environment ?? {}).filter(
    (variable) =>
      variable !== 'NODE_ENV' && !new RegExp(`process\\.env\\.${variable}\\b|'${variable}'`).test(source),
  );
  expect(unread).toEqual([]);
  expect(dependsOn(migrate).postgres).toEqual({ condition: 'service_healthy' });
});

test('search is wired to Meilisearch, the only reader of its key', () => {
  const search = compose.services.search!;
  expect(search.environment).toMatchObject({ MEILI_URL: 'http://meilisearch:7700' });
  expect(String(search.environment?.MEILI_KEY)).toMatch(/^\$\{MEILI_MASTER_KEY:\?/);
  expect(dependsOn(search).meilisearch).toEqual({ condition: 'service_healthy' });
});

test('the Keycloak override only adds Keycloak and the gateway settings that switch to it', () => {
  expect(Object.keys(override.services).sort()).toEqual(['gateway', 'keycloak']);
  expect(override.services.gateway!.environment).toMatchObject({
    KEYCLOAK_URL: 'http://keycloak:8080',
    KEYCLOAK_REALM: expect.any(String),
  });
  expect(dependsOn(override.services.gateway!).keycloak).toEqual({ condition: 'service_healthy' });
});
