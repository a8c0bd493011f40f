/** One built single-page app: its files by path below its mount point, read once at start. */
export interface WebAppFiles {
  /** e.g. `/admin` (store hosts) or `` (the console host's root). */
  mount: string;
  /** `/index.html`, `/assets/index-3f2a.js`, ... */
  files: ReadonlyMap<string, Uint8Array>;
}

/** The web apps the gateway serves itself (DESIGN.md 4a); absent ones are not served. */
export interface WebApps {
  /** The merchant admin at `/admin` on every store host. */
  admin?: WebAppFiles;
  /** The platform console at `/` on the console host (not `/api`, not `/queues`). */
  console?: WebAppFiles;
}

/**
 * Which file of which app answers this path, or undefined when the path is not the app's. Paths
 * without an extension are client-side routes and get `index.html` (SPA fallback); a missing file
 * with an extension is `missing` (a 404, never the index page in place of a script).
 */
export function webAppFileFor(
  apps: WebApps,
  door: 'apex' | 'console' | 'store',
  path: string,
): { app: WebAppFiles; file: string | 'missing' } | undefined {
  const app = door === 'store' ? apps.admin : door === 'console' ? apps.console : undefined;
  if (!app) return undefined;
  if (door === 'console' && (isUnder(path, '/api') || isUnder(path, '/queues'))) return undefined;
  if (door === 'store' && !isUnder(path, app.mount)) return undefined;
  const rest = path.slice(app.mount.length) || '/';
  if (app.files.has(rest)) return { app, file: rest };
  const last = rest.slice(rest.lastIndexOf('/') + 1);
  if (last.includes('.')) return { app, file: 'missing' };
  return { app, file: '/index.html' };
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
