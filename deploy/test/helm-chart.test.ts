// helm/fleet, rendered here with helm-render.ts (the Go-template subset the chart uses) from
// values.yaml and from the example production values, every document parsed as YAML and checked:
// one Deployment, Service, PodDisruptionBudget and NetworkPolicy per service of scripts/services.js,
// startup probes and a preStop drain, the schema owner's URL in the migration Jobs only, Secrets
// that are not hooks (but the migration Jobs' short-lived one), Meilisearch and Keycloak wired only
// when enabled, the Ingress body size. values.schema.json is checked with ajv (draft-07, as Helm).
// What only Helm itself can tell (helm lint, `helm template | kubeconform`) runs in hosted CI:
// .github/workflows/deploy.yml.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { composeName, configKeys, platformServices, root } from './compose-file';
import { loadChart } from './helm-render';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mergeValues: merge, withTestSecrets } = require('../chart-test-secrets') as {
  mergeValues(base: Obj, over: Obj): Obj;
  withTestSecrets(values: Obj): Obj;
};

type Obj = Record<string, unknown>;
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string } };
}
interface Container {
  name: string;
  command: string[];
  env: EnvVar[];
  startupProbe?: { httpGet: { path: string } };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
}
interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Obj; annotations?: Record<string, string> };
  spec?: Obj;
  stringData?: Record<string, string>;
}

const chartDir = path.join(root, 'helm/fleet');
const chart = loadChart(chartDir);
const readYaml = (file: string) => parse(fs.readFileSync(file, 'utf8')) as Obj;
const defaults = () => readYaml(path.join(chartDir, 'values.yaml'));
const production = () => readYaml(path.join(root, 'helm/examples/production-values.yaml'));
const schema = JSON.parse(fs.readFileSync(path.join(chartDir, 'values.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

function render(values: Obj): Resource[] {
  const docs: Resource[] = [];
  for (const [file, text] of chart.render(values)) {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const value = doc.toJS() as Resource | null;
      if (value) docs.push(value);
    }
  }
  return docs;
}

const camelCase = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const services = platformServices().map((s) => ({
  ...s,
  name: composeName(s.dir),
  key: camelCase(composeName(s.dir)),
}));

const find = (docs: Resource[], kind: string, name: string) =>
  docs.find((d) => d.kind === kind && d.metadata.name === name);
const podSpec = (d: Resource) => (d.spec as { template: { spec: Obj } }).template.spec;
const containerOf = (d: Resource) => (podSpec(d).containers as Container[])[0]!;
const envOf = (d: Resource) => new Map(containerOf(d).env.map((e) => [e.name, e]));

describe('values.schema.json', () => {
  test("accepts the chart's values.yaml and the example production values over it", () => {
    for (const values of [defaults(), merge(defaults(), production())]) {
      expect(validate(values) ? [] : validate.errors).toEqual([]);
    }
  });

  test.each<[string, (v: Obj) => void]>([
    ['a service without a port', (v) => delete (v.services as Record<string, Obj>).cart!.port],
    ['a port given as text', (v) => ((v.services as Record<string, Obj>).cart!.port = '4008')],
    [
      'a migration without the owner URL',
      (v) => delete ((v.services as Record<string, Obj>).order!.migrate as Obj).secretEnv,
    ],
    ['Meilisearch enabled without its URL', (v) => (v.meilisearch = { enabled: true, apiKey: 'k' })],
    [
      'Keycloak enabled with a URL that is not one',
      (v) => (v.keycloak = { enabled: true, url: 'keycloak', realm: 'fleet' }),
    ],
    ['a body size nginx would not read', (v) => ((v.ingress as Obj).maxBodySize = '64MB')],
    ['a misspelt top-level key', (v) => (v.networkPolicies = { enabled: true })],
    ['no Redis URL', (v) => delete (v.secretEnv as Obj).REDIS_URL],
    ['no RabbitMQ URL', (v) => delete (v.secretEnv as Obj).AMQP_URL],
  ])('rejects %s', (_name, spoil) => {
    const values = defaults();
    spoil(values);
    expect(validate(values)).toBe(false);
  });
});

describe.each([
  ['values.yaml', () => withTestSecrets(defaults())],
  ['the example production values', () => withTestSecrets(merge(defaults(), production()))],
])('the chart rendered from %s', (_name, valuesOf) => {
  const values = valuesOf();
  const docs = render(values);
  const release = 'fleet';

  test('every document is a named Kubernetes object, each name once per kind', () => {
    expect(docs.length).toBeGreaterThan(services.length * 4);
    const seen = new Set<string>();
    for (const doc of docs) {
      expect(doc.apiVersion).toMatch(/^[\w.]+(\/v\d\w*)?$|^v1$/);
      expect(doc.metadata.name).toMatch(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
      const id = `${doc.kind}/${doc.metadata.name}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });

  test.each(services)('$name: a Deployment, Service, PodDisruptionBudget and NetworkPolicy', (svc) => {
    const entry = (values.services as Record<string, { port: number; command: string[] }>)[svc.key];
    expect(entry).toBeDefined();
    expect(entry!.port).toBe(svc.port);
    const name = `${release}-${svc.name}`;
    const deployment = find(docs, 'Deployment', name)!;
    expect(containerOf(deployment).command).toEqual(['node', `${svc.dir}/dist/main.js`]);
    expect(find(docs, 'Service', name)).toBeDefined();
    const pdb = find(docs, 'PodDisruptionBudget', name)!;
    expect(pdb.spec).toMatchObject({
      maxUnavailable: (values.pdb as Obj).maxUnavailable,
      selector: { matchLabels: { 'app.kubernetes.io/component': svc.name } },
    });
    expect(find(docs, 'NetworkPolicy', name)).toBeDefined();
    if (svc.database) expect(find(docs, 'Job', `${name}-migrate`)).toBeDefined();
  });

  test('pods get a startup probe and drain before SIGTERM', () => {
    for (const deployment of docs.filter((d) => d.kind === 'Deployment')) {
      const container = containerOf(deployment);
      expect(container.startupProbe?.httpGet.path).toBe('/healthz');
      expect(container.lifecycle?.preStop?.exec?.command).toEqual(['sleep', String(values.preStopSeconds)]);
      expect(podSpec(deployment).terminationGracePeriodSeconds).toBeGreaterThan(
        Number(values.preStopSeconds),
      );
    }
  });

  test("running services get the application roles only; the migration Jobs, the owner's URL only from their own Secret", () => {
    const migrateSecret = find(docs, 'Secret', `${release}-migrate`)!;
    const secret = find(docs, 'Secret', release)!;
    for (const deployment of docs.filter((d) => d.kind === 'Deployment')) {
      const env = containerOf(deployment).env;
      expect(
        env.filter(
          (e) => e.name === 'MIGRATION_DATABASE_URL' || /-migrate-/.test(e.valueFrom?.secretKeyRef.key ?? ''),
        ),
      ).toEqual([]);
      expect(
        env.filter((e) => e.valueFrom && e.valueFrom.secretKeyRef.name !== secret.metadata.name),
      ).toEqual([]);
    }
    const jobs = docs.filter((d) => d.kind === 'Job');
    expect(jobs.length).toBe(services.filter((s) => s.database).length);
    for (const job of jobs) {
      const env = envOf(job);
      expect(env.get('MIGRATION_DATABASE_URL')?.valueFrom?.secretKeyRef.name).toBe(
        migrateSecret.metadata.name,
      );
      expect(env.has('DATABASE_URL')).toBe(true);
      expect(
        [...env.values()].filter(
          (e) => e.valueFrom && e.valueFrom.secretKeyRef.name !== migrateSecret.metadata.name,
        ),
      ).toEqual([]);
      expect(env.has('INTERNAL_SIGNING_KEY')).toBe(false); // nothing a migration does not need
      // Every key a Job reads is in the Secret it reads.
      for (const e of env.values())
        if (e.valueFrom) expect(migrateSecret.stringData).toHaveProperty([e.valueFrom.secretKeyRef.key]);
    }
    expect(
      Object.values(secret.stringData ?? {}).filter((v) => /MIGRATION_DATABASE_URL|-migrate-/.test(v)),
    ).toEqual([]);
    expect(Object.keys(secret.stringData ?? {}).filter((k) => /MIGRATION/.test(k))).toEqual([]);
  });

  test("the services' Secret is an ordinary resource; the migration Secret a hook deleted after the Jobs", () => {
    const secret = find(docs, 'Secret', release)!;
    expect(
      Object.keys(secret.metadata.annotations ?? {}).filter((a) => a.startsWith('helm.sh/hook')),
    ).toEqual([]);
    const migrateSecret = find(docs, 'Secret', `${release}-migrate`)!;
    expect(migrateSecret.metadata.annotations).toMatchObject({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-delete-policy': expect.stringContaining('hook-succeeded'),
    });
    const jobWeight = Number(
      find(docs, 'Job', `${release}-order-migrate`)!.metadata.annotations!['helm.sh/hook-weight'],
    );
    expect(Number(migrateSecret.metadata.annotations!['helm.sh/hook-weight'])).toBeLessThan(jobWeight);
    // Every secret reference of every Deployment resolves to a key of the Secret.
    for (const deployment of docs.filter((d) => d.kind === 'Deployment')) {
      for (const e of containerOf(deployment).env)
        if (e.valueFrom) expect(secret.stringData).toHaveProperty([e.valueFrom.secretKeyRef.key]);
    }
  });

  test("every variable a service's own entry (or an optional part) gives it is read by its config", () => {
    const shared = new Set([
      ...Object.keys(values.env as Obj),
      ...Object.keys(values.secretEnv as Obj),
      'PORT',
      'PLATFORM_DOMAIN',
    ]);
    const problems: string[] = [];
    for (const svc of services) {
      const keys = new Set(configKeys(svc.dir));
      for (const name of envOf(find(docs, 'Deployment', `${release}-${svc.name}`)!).keys()) {
        if (!shared.has(name) && !keys.has(name)) problems.push(`${svc.name}: ${name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('only the gateway takes traffic from outside the release; the others, from its pods', () => {
    const ingressFrom = (values.networkPolicy as { ingressFrom: unknown[] }).ingressFrom;
    for (const svc of services) {
      const policy = find(docs, 'NetworkPolicy', `${release}-${svc.name}`)!;
      const rules = (policy.spec as { ingress: Array<{ ports: Array<{ port: number }>; from?: Obj[] }> })
        .ingress;
      const [main, ...metrics] = rules;
      expect(main!.ports).toEqual([{ protocol: 'TCP', port: svc.port }]);
      if (svc.name === 'gateway') {
        expect(main!.from).toEqual(ingressFrom.length ? ingressFrom : undefined);
      } else {
        expect(main!.from).toEqual([
          {
            podSelector: {
              matchLabels: { 'app.kubernetes.io/name': 'fleet', 'app.kubernetes.io/instance': release },
            },
          },
        ]);
      }
      // Scrapes: only from networkPolicy.metricsFrom, on the ops port where there is one.
      const metricsFrom = (values.networkPolicy as { metricsFrom: unknown[] }).metricsFrom;
      expect(metrics).toEqual(
        metricsFrom.length
          ? [
              {
                ports: [{ protocol: 'TCP', port: (svc as { opsPort?: number }).opsPort ?? svc.port }],
                from: metricsFrom,
              },
            ]
          : [],
      );
    }
  });

  test('the Ingress sends every host to the gateway and lets a CSV import through', () => {
    const ingress = docs.find((d) => d.kind === 'Ingress')!;
    expect(ingress.metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-body-size': (values.ingress as Obj).maxBodySize,
    });
    // An annotation set in values wins; another controller gets no nginx annotation (and no empty map).
    const own = withTestSecrets(
      merge(defaults(), {
        ingress: { annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '200m' } },
      }),
    );
    expect(render(own).find((d) => d.kind === 'Ingress')!.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/proxy-body-size': '200m',
    });
    const traefik = withTestSecrets(merge(defaults(), { ingress: { className: 'traefik' } }));
    expect(render(traefik).find((d) => d.kind === 'Ingress')!.metadata).not.toHaveProperty('annotations');
    const backends = JSON.stringify(ingress.spec).match(/"name":"[^"]+"/g);
    expect(new Set(backends)).toEqual(new Set([`"name":"${release}-gateway"`]));
  });

  test('Meilisearch and Keycloak are wired exactly when enabled, to the services that use them', () => {
    const meili = values.meilisearch as { enabled: boolean; url: string };
    const keycloak = values.keycloak as { enabled: boolean; url: string; realm: string; audience: string };
    const env = new Map(
      services.map((s) => [s.name, envOf(find(docs, 'Deployment', `${release}-${s.name}`)!)]),
    );
    const holders = (variable: string) => [...env].filter(([, e]) => e.has(variable)).map(([name]) => name);
    expect(holders('MEILI_URL')).toEqual(meili.enabled ? ['search'] : []);
    expect(holders('MEILI_KEY')).toEqual(meili.enabled ? ['search'] : []);
    expect(holders('KEYCLOAK_URL')).toEqual(keycloak.enabled ? ['gateway'] : []);
    const secret = find(docs, 'Secret', release)!;
    expect(Object.keys(secret.stringData!).includes('meilisearch-MEILI_KEY')).toBe(meili.enabled);
    if (meili.enabled) expect(env.get('search')!.get('MEILI_URL')?.value).toBe(meili.url);
    if (keycloak.enabled) {
      const gateway = env.get('gateway')!;
      expect(gateway.get('KEYCLOAK_URL')?.value).toBe(keycloak.url);
      expect(gateway.get('KEYCLOAK_REALM')?.value).toBe(keycloak.realm);
      expect(gateway.get('KEYCLOAK_AUDIENCE')?.value).toBe(keycloak.audience);
    }
  });
});

describe('the chart refuses to render without its secrets', () => {
  test.each<[string, (v: Obj) => void, RegExp]>([
    [
      'the shared signing key',
      (v) => ((v.secretEnv as Obj).INTERNAL_SIGNING_KEY = ''),
      /INTERNAL_SIGNING_KEY is required/,
    ],
    [
      "Redis's URL (with its password)",
      (v) => ((v.secretEnv as Obj).REDIS_URL = ''),
      /secretEnv\.REDIS_URL is required/,
    ],
    [
      "RabbitMQ's URL (with its user and password)",
      (v) => ((v.secretEnv as Obj).AMQP_URL = ''),
      /secretEnv\.AMQP_URL is required/,
    ],
    [
      "a service's database URL",
      (v) => (((v.services as Record<string, Obj>).order!.secretEnv as Obj).DATABASE_URL = ''),
      /services\.order\.secretEnv\.DATABASE_URL is required/,
    ],
    [
      "a migration's owner URL",
      (v) =>
        ((
          ((v.services as Record<string, Obj>).order!.migrate as Obj).secretEnv as Obj
        ).MIGRATION_DATABASE_URL = ''),
      /services\.order: MIGRATION_DATABASE_URL is required/,
    ],
    [
      "Meilisearch's key once it is enabled",
      (v) => (v.meilisearch = { enabled: true, url: 'http://meili:7700', apiKey: '' }),
      /meilisearch\.apiKey is required/,
    ],
  ])('%s', (_name, spoil, message) => {
    const values = withTestSecrets(defaults());
    spoil(values);
    expect(() => render(values)).toThrow(message);
  });
});
