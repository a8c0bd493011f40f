import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Logger } from '@fleet/logger';
import type { WebAppFiles, WebApps } from '../domain/web-apps';

/** The most one app may hold in memory: a built SPA is a few hundred KB. */
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

/**
 * Reads a built app (Vite's `dist/`) into memory once: no file system access per request, so no
 * path in a URL can ever reach outside the folder. Undefined when the folder has no index.html
 * (the app was not built): the gateway then does not serve it.
 */
export function loadWebApp(dir: string, mount: string): WebAppFiles | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES)
          throw new Error(`The web app in ${dir} is over ${MAX_TOTAL_BYTES} bytes.`);
        files.set(`/${relative(dir, full).split(sep).join('/')}`, bytes);
      }
    }
  };
  walk(dir);
  return { mount, files };
}

/** Both apps from `web/` (each `<app>/dist`); one that is not built is left out, with a warning. */
export function loadWebApps(webDir: string, logger: Logger): WebApps {
  const admin = loadWebApp(join(webDir, 'admin', 'dist'), '/admin');
  const console = loadWebApp(join(webDir, 'console', 'dist'), '');
  for (const [name, app] of Object.entries({ admin, console })) {
    if (!app) logger.warn({ app: name, webDir }, 'web app not built (npm run build): not served');
  }
  return { admin, console };
}
