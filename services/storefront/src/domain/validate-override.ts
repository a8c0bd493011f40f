import { OVERRIDE_NAME, fileOf } from './theme-files';
import { PAGE_TEMPLATES, sampleData } from './sample-data';
import type { Themes } from './themes';

export const MAX_OVERRIDE_BYTES = 128 * 1024;

export type OverrideCheck = { ok: true; file: string } | { ok: false; file?: string; message: string };

/**
 * `product` -> `templates/product.liquid`; `customers/login`, `layout/theme` and
 * `snippets/product-card` name those files. Undefined for anything else.
 */
export function overrideFileOf(name: string): string | undefined {
  const path = name.startsWith('layout/') || name.startsWith('snippets/') ? name : `templates/${name}`;
  return OVERRIDE_NAME.test(path) ? fileOf(path) : undefined;
}

/**
 * An override is saved only when it parses and renders: the template it replaces (or, for the
 * layout and snippets, every page template) is rendered with sample data over the store's other
 * overrides. Whatever it says, it runs sandboxed (see theme-engine.ts).
 */
export async function validateOverride(
  themes: Themes,
  others: ReadonlyMap<string, string>,
  file: string,
  source: string,
): Promise<OverrideCheck> {
  if (Buffer.byteLength(source) > MAX_OVERRIDE_BYTES)
    return { ok: false, file, message: `A template may hold at most ${MAX_OVERRIDE_BYTES / 1024} KiB.` };
  if (file.startsWith('templates/') && !themes.defaults.has(file))
    return { ok: false, file, message: 'The default theme has no such template.' };
  try {
    themes.defaultEngine.parse(source);
  } catch (err) {
    return { ok: false, file, message: (err as Error).message };
  }
  const engine = themes.engineWith(new Map([...others, [file, source]]));
  const schema = JSON.parse(themes.defaults.get('config/settings_schema.json') ?? '[]') as unknown;
  const page = /^templates\/(.+)\.liquid$/.exec(file)?.[1];
  for (const template of page ? [page] : PAGE_TEMPLATES) {
    try {
      await engine.render(template, sampleData(template, schema));
    } catch (err) {
      return { ok: false, file, message: `${template}: ${(err as Error).message}` };
    }
  }
  return { ok: true, file };
}
