// The Dockerfile, read as text (no Docker engine here; .github/workflows/deploy.yml builds it):
// a supported Node LTS that package.json `engines` admits, dependency layers fed by the manifests
// alone (a source change does not invalidate them), a runtime stage of compiled code and production
// dependencies only, as a non-root user. And the lock file installs from those manifests alone,
// with and without dev dependencies (`npm ci --dry-run`, as the image's two `npm ci` run).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { platformServices, root } from './compose-file';
import { runtimeWorkspaceDirs, workspaceDirs } from './workspaces';

const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');

interface Stage {
  name: string;
  from: string;
  lines: string[];
}

/** The stages, with their instructions (continuation lines joined). */
function stages(): Stage[] {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'));
  const out: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) out.push({ from: from[1]!, name: from[2] ?? '', lines: [] });
    else out[out.length - 1]?.lines.push(line);
  }
  return out;
}

const stage = (name: string) => stages().find((s) => s.name === name)!;
const nodeVersion = Number(/^ARG NODE_VERSION=(\d+)$/m.exec(dockerfile)?.[1]);

test('the image runs an even-numbered (LTS) Node of 22 or later, and engines admits it and Node 20', () => {
  expect(nodeVersion).toBeGreaterThanOrEqual(22);
  expect(nodeVersion % 2).toBe(0);
  for (const s of stages()) {
    if (!/^(deps|build)$/.test(s.from)) expect(s.from).toBe('node:${NODE_VERSION}-bookworm-slim');
  }
  const { engines } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  const ranges = engines.node.split('||').map((r) => r.trim());
  expect(ranges.some((r) => r.startsWith('^20.'))).toBe(true);
  expect(ranges.some((r) => r.startsWith(`^${nodeVersion}.`) || /^>=\s*2[0-2]/.test(r))).toBe(true);
});

test('both npm ci layers are fed by the manifests stage alone, which keeps package files only', () => {
  for (const name of ['deps', 'prod-deps']) {
    const copies = stage(name).lines.filter((l) => /^COPY/.test(l));
    expect(copies).toEqual(['COPY --from=manifests /manifests/ ./']);
    expect(stage(name).lines.some((l) => /npm ci/.test(l))).toBe(true);
  }
  expect(stage('prod-deps').lines.join('\n')).toMatch(/npm ci --omit=dev/);
  expect(stage('manifests').lines.join('\n')).toMatch(/-name package\.json -o -name package-lock\.json/);
});

test('the runtime stage holds production dependencies and /out only, and runs as node', () => {
  const runtime = stages().at(-1)!;
  expect(runtime.name).toBe('runtime');
  expect(runtime.lines.filter((l) => /^COPY/.test(l))).toEqual([
    'COPY --from=prod-deps /app /app',
    'COPY --from=build /out /app',
  ]);
  expect(runtime.lines).toContain('USER node');
  const build = stage('build').lines.join('\n');
  // /out collects dist folders, the storefront's themes and the migrate scripts: no tests or sources.
  expect(build).not.toMatch(/cp -r \S*(test|src|bench|docs)\b/);
  expect(build).toMatch(/case "\$ws" in libs\/testing\) continue/); // the tests' helpers stay out
  for (const dir of ['services/storefront/theme', 'services/storefront/platform']) {
    expect(build).toContain(dir);
    expect(fs.existsSync(path.join(root, dir))).toBe(true);
  }
  // Every workspace the services run (themselves and what their dependencies reach, such as
  // services/payment/providers, which `services/*` does not match) is covered by the loop's globs,
  // and migrate-all's own requires are copied.
  const globs = /for ws in ([^;]+);/.exec(build)![1]!.trim().split(/\s+/);
  const covered = (dir: string) =>
    globs.some((g) => (g.endsWith('/*') ? path.dirname(dir) === g.slice(0, -2) : dir === g));
  const run = runtimeWorkspaceDirs();
  expect(run).toEqual(expect.arrayContaining(platformServices().map((s) => s.dir)));
  expect(run.filter((dir) => !covered(dir))).toEqual([]);
  const migrateAll = fs.readFileSync(path.join(root, 'scripts/migrate-all.js'), 'utf8');
  for (const [, local] of migrateAll.matchAll(/require\('\.\/([\w-]+)'\)/g))
    expect(build).toContain(`scripts/${local}.js`);
  expect(build).toContain('scripts/migrate-all.js');
});

test('the lock file installs from the manifests alone (npm ci --dry-run, all and production deps)', () => {
  const listed = spawnSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).stdout.split('\n');
  const manifests = listed.filter(
    (f) => /(^|\/)package\.json$|^package-lock\.json$/.test(f) && !f.startsWith('bench/'),
  );
  expect(manifests).toEqual(
    expect.arrayContaining(['package.json', 'package-lock.json', 'gateway/package.json']),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-manifests-'));
  for (const file of manifests) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  for (const extra of [[], ['--omit=dev']]) {
    const result = spawnSync(
      'npm',
      ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', ...extra],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect({ extra, status: result.status, stderr: result.status ? result.stderr : '' }).toEqual({
      extra,
      status: 0,
      stderr: '',
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, 150_000);

// The runtime image installs `dependencies` only (npm ci --omit=dev): a package a service imports at
// run time but lists under devDependencies would resolve here (hoisted) and fail in the image.
test('every package the runtime workspaces import is in their dependencies', () => {
  const { builtinModules } = require('node:module') as { builtinModules: string[] }; // eslint-disable-line @typescript-eslint/no-require-imports
  const workspaces = workspaceDirs().filter(
    (dir) =>
      /^(libs|tenancy|services)\/|^gateway$/.test(dir) &&
      dir !== 'libs/testing' &&
      fs.existsSync(path.join(root, dir, 'src')),
  );
  expect(workspaces).toEqual(expect.arrayContaining(runtimeWorkspaceDirs())); // nested ones too
  const sources = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory()
          ? sources(path.join(dir, e.name))
          : /\.tsx?$/.test(e.name)
            ? [path.join(dir, e.name)]
            : [],
      );
  const importPattern =
    /^\s*import\s+(?!type\b)[^'"]*?from\s+'([^']+)'|^\s*export\s+(?!type\b)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)|require\('([^']+)'\)|^\s*import\s+'([^']+)'/gm;
  let seen = 0;
  const missing: string[] = [];
  for (const dir of workspaces) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const declared = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    for (const file of sources(path.join(root, dir, 'src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(importPattern)) {
        const spec = match.slice(1).find(Boolean)!;
        if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        seen++;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!declared.has(name)) missing.push(`${path.relative(root, file)}: ${name}`);
      }
    }
  }
  expect(seen).toBeGreaterThan(100);
  expect(missing).toEqual([]);
});
