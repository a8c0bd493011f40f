// Keeps docker-compose.yml and the Helm chart honest: the compose file is valid, the chart is well
// formed, and both have an entry for every service folder that has a `src/main.ts`, pointing at the
// file `tsc -b` actually emits. No YAML parser is installed, so the scans below are line-based and
// rely on the files' two-space indentation.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const composeFile = path.join(root, 'docker-compose.yml');
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

const camelCase = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe('docker-compose.yml', () => {
  const compose = read(composeFile);
  const services = entries(topLevelBlock(compose, 'services'));

  maybe('passes `docker-compose config -q`', () => {
    const result = spawnSync('docker-compose', ['-f', composeFile, 'config', '-q'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
  });

  maybe('declares the services the line-based scan sees', () => {
    const result = spawnSync('docker-compose', ['-f', composeFile, 'config', '--services'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30000,
    });
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
