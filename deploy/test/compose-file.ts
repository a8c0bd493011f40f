// Reads docker-compose.yml (and the Keycloak override) as YAML, and names the platform's services
// from scripts/services.js, so a new service needs one block in compose, not a change here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export const root = path.resolve(__dirname, '../..');
export const composeFile = path.join(root, 'docker-compose.yml');
export const keycloakOverrideFile = path.join(root, 'deploy/compose/keycloak.yml');

export interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test?: string[] | string };
  ports?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** The file parsed with anchors and `<<` merge keys resolved, as compose reads it. */
export function readCompose(file: string): ComposeFile {
  return parse(fs.readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
}

export interface PlatformService {
  name: string;
  dir: string;
  port: number;
  database: string | null;
}

/** scripts/services.js: the platform's services, in start order. */
export function platformServices(): PlatformService[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(root, 'scripts/services.js')) as { services: PlatformService[] }).services;
}

/** tenancy/registry -> tenancy-registry, gateway -> gateway, services/catalog -> catalog. */
export function composeName(dir: string): string {
  return dir.replace(/^services\//, '').replace(/\//g, '-');
}

/** The variables a service's config schema declares (the zod object in `<dir>/src/config.ts`). */
export function configKeys(dir: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(root, dir, 'src/config.ts')) as Record<string, unknown>;
  const schema = mod.configSchema as { shape?: Record<string, unknown> } | undefined;
  if (!schema?.shape) throw new Error(`${dir}/src/config.ts exports no zod object \`configSchema\``);
  return Object.keys(schema.shape);
}

/** The variables a service's config cannot start without (no default, not optional). */
export function requiredConfigKeys(dir: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(root, dir, 'src/config.ts')) as Record<string, unknown>;
  const shape = (
    mod.configSchema as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }
  ).shape;
  return Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
}
