import { createHash } from 'node:crypto';
import { Liquid, type Template } from 'liquidjs';
import { SANDBOX_OPTIONS, formatMoney } from '@fleet/liquid';

export interface ThemeEngine {
  /** Renders `templates/<template>` into the layout; throws on a template error. */
  render(template: string, data: Record<string, unknown>): Promise<string>;
  /** Parses a file's source with this engine's tags and filters (validation). */
  parse(source: string): Template[];
  has(file: string): boolean;
}

/**
 * A Liquid engine over one theme held in memory (`files`: path -> source). Sandboxed: templates
 * reach only these files (no disk, no relative paths out), read only own properties of the data
 * (no prototype walking), run no code, and are bounded in parse size, render time and memory.
 * Output is HTML-escaped unless a template says `| raw` (Shopify does not escape; we do, because
 * product text, search terms and API errors all reach the page).
 */
export function createThemeEngine(files: ReadonlyMap<string, string>, assetVersion: string): ThemeEngine {
  const liquid = new Liquid({
    root: ['snippets/'],
    partials: ['snippets/'],
    layouts: ['layout/'],
    extname: '.liquid',
    ...SANDBOX_OPTIONS,
    dynamicPartials: true,
    cache: true,
    fs: {
      exists: async (file) => files.has(file),
      existsSync: (file) => files.has(file),
      readFile: async (file) => sourceOf(files, file),
      readFileSync: (file) => sourceOf(files, file),
      resolve: (dir, file, ext) => `${dir}${file.endsWith(ext) ? file : file + ext}`,
      contains: async (root, file) => file.startsWith(root) && !file.includes('..'),
      containsSync: (root, file) => file.startsWith(root) && !file.includes('..'),
      sep: '/',
      dirname: (file) => file.slice(0, file.lastIndexOf('/') + 1),
    },
  });
  registerFilters(liquid, assetVersion);
  const parsed = new Map<string, Template[]>();
  const templateOf = (file: string) => {
    let tpl = parsed.get(file);
    if (!tpl) {
      tpl = liquid.parse(sourceOf(files, file), file);
      parsed.set(file, tpl);
    }
    return tpl;
  };
  return {
    async render(template, data) {
      const content = await liquid.render(templateOf(`templates/${template}.liquid`), data);
      return liquid.render(templateOf('layout/theme.liquid'), { ...data, content_for_layout: content });
    },
    parse: (source) => liquid.parse(source),
    has: (file) => files.has(file),
  };
}

function sourceOf(files: ReadonlyMap<string, string>, file: string): string {
  const source = files.get(file);
  if (source === undefined) throw new Error(`The theme has no file ${file}.`);
  return source;
}

function registerFilters(liquid: Liquid, assetVersion: string): void {
  liquid.registerFilter('money', (minor: unknown, currency: unknown) => formatMoney(minor, currency));
  liquid.registerFilter('asset_url', (name: unknown) =>
    typeof name === 'string' && /^[a-z0-9_.-]+$/i.test(name) ? `/assets/${name}?v=${assetVersion}` : '',
  );
  /** A product's image: its own when the platform serves it, else the generated placeholder. */
  liquid.registerFilter('product_img_url', (product: unknown) => productImageUrl(product));
  /** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the tag. */
  liquid.registerFilter('json_ld', (value: unknown) =>
    JSON.stringify(value ?? null)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026'),
  );
  liquid.registerFilter('ceil_div', (a: unknown, b: unknown) => Math.ceil(Number(a) / Number(b)));
}

export function productImageUrl(product: unknown): string {
  const p = product as { id?: unknown; images?: unknown; image?: unknown } | null;
  const first = Array.isArray(p?.images) ? (p.images[0] as unknown) : p?.image;
  const url = typeof first === 'string' ? first : (first as { url?: unknown } | undefined)?.url;
  if (typeof url === 'string' && url.startsWith('/') && !url.startsWith('//')) return url;
  const id = typeof p?.id === 'string' ? p.id : 'unknown';
  return `/images/products/${encodeURIComponent(id)}.svg`;
}

/** A short content hash: the asset version in URLs, so assets can be cached for a year. */
export function contentVersion(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [path, source] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(path).update(source);
  return hash.digest('base64url').slice(0, 10);
}
