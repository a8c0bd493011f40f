import { createLogger } from '@fleet/logger';
import { PAGE_TEMPLATES, sampleData } from '../src/domain/sample-data';
import { readThemeFolder } from '../src/domain/theme-files';
import { createThemes } from '../src/domain/themes';
import { overrideFileOf, validateOverride } from '../src/domain/validate-override';

const quiet = createLogger({ service: 'storefront-test', level: 'silent' });
const defaults = readThemeFolder();
const schema = JSON.parse(defaults.get('config/settings_schema.json') ?? '[]') as unknown;
const none = { list: async () => [], recordError: async () => undefined };
const themes = createThemes(defaults, none, quiet);

describe('the default theme', () => {
  test("has Shopify's shape: layout, every page template, snippets, assets, settings schema", () => {
    expect(defaults.has('layout/theme.liquid')).toBe(true);
    for (const t of PAGE_TEMPLATES) expect(defaults.has(`templates/${t}.liquid`)).toBe(true);
    expect(defaults.has('snippets/product-card.liquid')).toBe(true);
    expect(defaults.has('assets/theme.css')).toBe(true);
    expect(defaults.has('assets/theme.js')).toBe(true);
    expect(Array.isArray(schema)).toBe(true);
  });

  test.each(PAGE_TEMPLATES)('renders %s with sample data into the layout', async (template) => {
    const html = await themes.defaultEngine.render(template, sampleData(template, schema));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<main id="main"');
    expect(html).toContain('Sample store');
  });

  test('headings keep their order: product cards are h2 under a page h1, h3 under a section h2', async () => {
    const collection = await themes.defaultEngine.render('collection', sampleData('collection', schema));
    expect(collection).toContain('<h2 class="card-title">');
    expect(collection).not.toContain('<h3 class="card-title">');
    const home = await themes.defaultEngine.render('index', sampleData('index', schema));
    expect(home).toContain('<h3 class="card-title">');
    expect(home).toContain('loading="eager"');
  });

  test('escapes what the data says: a product title cannot inject markup', async () => {
    const data = sampleData('product', schema);
    const product = {
      ...(data.product as object),
      title: '<script>alert(1)</script>',
      description: '<img src=x onerror=alert(1)>',
    };
    const html = await themes.defaultEngine.render('product', { ...data, product });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('JSON-LD cannot close its script tag', async () => {
    const data = sampleData('product', schema);
    const html = await themes.defaultEngine.render('product', {
      ...data,
      json_ld: { name: '</script><script>x()</script>' },
    });
    expect(html).not.toContain('</script><script>x()');
    expect(html).toContain('\\u003c/script\\u003e');
  });
});

describe('template overrides', () => {
  test('names map to theme files; anything else is refused', () => {
    expect(overrideFileOf('product')).toBe('templates/product.liquid');
    expect(overrideFileOf('customers/login')).toBe('templates/customers/login.liquid');
    expect(overrideFileOf('layout/theme')).toBe('layout/theme.liquid');
    expect(overrideFileOf('snippets/product-card')).toBe('snippets/product-card.liquid');
    for (const bad of ['../etc/passwd', 'assets/theme', 'templates/../../x', 'layout/other', '']) {
      expect(overrideFileOf(bad)).toBeUndefined();
    }
  });

  test('a valid override passes; a syntax error, an unknown filter or a render error is refused', async () => {
    const ok = await validateOverride(
      themes,
      new Map(),
      'templates/index.liquid',
      '<h1>{{ shop.name | upcase }}</h1>',
    );
    expect(ok).toEqual({ ok: true, file: 'templates/index.liquid' });
    const syntax = await validateOverride(
      themes,
      new Map(),
      'templates/index.liquid',
      '{% if shop.name %}open',
    );
    expect(syntax.ok).toBe(false);
    const filter = await validateOverride(
      themes,
      new Map(),
      'templates/index.liquid',
      '{{ shop.name | nosuchfilter }}',
    );
    expect(filter.ok).toBe(false);
    const missing = await validateOverride(
      themes,
      new Map(),
      'snippets/header.liquid',
      "{% render 'nope' %}",
    );
    expect(missing.ok).toBe(false);
  });

  test('the sandbox: no file outside the theme, no prototype access, bounded loops', async () => {
    const escape = await validateOverride(
      themes,
      new Map(),
      'templates/index.liquid',
      "{% render '../../../../etc/passwd' %}",
    );
    expect(escape.ok).toBe(false);
    const include = await validateOverride(
      themes,
      new Map(),
      'templates/index.liquid',
      "{% include '/etc/passwd' %}",
    );
    expect(include.ok).toBe(false);
    const proto = themes.engineWith(
      new Map([['templates/index.liquid', '[{{ shop.constructor }}][{{ shop.__proto__ }}]']]),
    );
    const html = await proto.render('index', sampleData('index', schema));
    expect(html).toContain('[][]');
    const loop = await validateOverride(
      themes,
      new Map(),
      'templates/index.liquid',
      '{% for a in (1..100000) %}{% for b in (1..100000) %}{{ a }}{% endfor %}{% endfor %}',
    );
    expect(loop.ok).toBe(false);
  }, 20_000);
});
