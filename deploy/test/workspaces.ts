// The workspaces as npm sees them (root package.json `workspaces`, `dir/*` patterns expanded), and
// those the platform's services run: each service (scripts/services.js) and every workspace it
// reaches through `dependencies`. A workspace nested inside a service (services/payment/providers)
// is its own entry in `workspaces`, so it is found here as npm finds it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { platformServices, root } from './compose-file';

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

const readManifest = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as Manifest;

/** Every workspace folder, relative to the root, in the order package.json lists them. */
export function workspaceDirs(): string[] {
  const { workspaces } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return fs
      .readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, parent, e.name, 'package.json')))
      .map((e) => `${parent}/${e.name}`);
  });
}

/** The platform's services and the workspaces they depend on at run time, transitively. */
export function runtimeWorkspaceDirs(): string[] {
  const dirByName = new Map(workspaceDirs().map((dir) => [readManifest(dir).name, dir]));
  const found = new Set<string>();
  const visit = (dir: string) => {
    if (found.has(dir)) return;
    found.add(dir);
    for (const dep of Object.keys(readManifest(dir).dependencies ?? {})) {
      const depDir = dirByName.get(dep);
      if (depDir) visit(depDir);
    }
  };
  for (const { dir } of platformServices()) visit(dir);
  return [...found].sort();
}
