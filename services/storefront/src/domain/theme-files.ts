import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The default theme's folder (Shopify's shape): services/storefront/theme. */
export const DEFAULT_THEME_DIR = join(__dirname, '..', '..', 'theme');

/** Every file of a theme folder, by its path inside the theme (`templates/product.liquid`). */
export function readThemeFolder(dir = DEFAULT_THEME_DIR): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/**
 * Templates a merchant may override: the layout, page templates and snippets (`.liquid` files
 * only; assets and settings stay the platform's).
 */
export const OVERRIDE_NAME =
  /^(layout\/theme|templates\/(customers\/)?[a-z0-9_-]{1,40}|snippets\/[a-z0-9_-]{1,40})$/;

/** `templates/product` -> `templates/product.liquid`. */
export const fileOf = (name: string): string => `${name}.liquid`;
