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

  test('the home: the featured collection as the section, its chip beside the categories; else featured products', async () => {
    const data = sampleData('index', schema);
    const home = await themes.defaultEngine.render('index', data);
    expect(home).toContain('<h2 id="categories-title">Shop by category or collection</h2>');
    expect(home).toContain('<li><a href="/collections/staff-picks">Staff picks</a></li>');
    expect(home).toContain('<h2 id="featured-title">Staff picks</h2>');
    expect(home).toContain(
      '<a href="/collections/staff-picks" aria-describedby="featured-title">View all</a>',
    );
    const plain = await themes.defaultEngine.render('index', {
      ...data,
      featured_collection: null,
      collections: [],
    });
    expect(plain).toContain('<h2 id="categories-title">Shop by category</h2>');
    expect(plain).toContain('<h2 id="featured-title">Featured products</h2>');
    expect(plain).toContain('<a href="/collections/all" aria-describedby="featured-title">View all</a>');
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

describe('the order page', () => {
  const data = sampleData('order', schema);
  const sample = data.order as Record<string, unknown>;

  test('shows each shipment with its tracking link and steps, and the returns asked', async () => {
    const html = await themes.defaultEngine.render('order', data);
    expect(html).toContain('<h2 id="shipments-title">Shipping</h2>');
    expect(html).toContain(
      '<a href="https://track.parcelpost.example/PP473124829FL" rel="noopener noreferrer">PP473124829FL</a>',
    );
    expect(html).toContain('<time datetime="2026-01-02T09:00:00.000Z">2026-01-02</time> Label created');
    expect(html).toMatch(/1 &times; Sample mug: <span class="status status-REQUESTED">requested<\/span>/);
  });

  test('a delivered order gets a labelled return form that posts with the CSRF token', async () => {
    const html = await themes.defaultEngine.render('order', data);
    expect(html).toContain('<form action="/orders/ord_sample/returns" method="post" class="return-form">');
    expect(html).toContain('<label for="qty-var_1">Sample mug (up to 1)</label>');
    expect(html).toContain('id="qty-var_1" name="qty_var_1" type="number"');
    expect(html).toContain('value="sample-token"');
    const none = await themes.defaultEngine.render('order', {
      ...data,
      order: { ...sample, shipments: [], returns: [], returnable_lines: [] },
    });
    expect(none).not.toContain('return-form');
    expect(none).not.toContain('shipments-title');
  });

  test('a tracking link from a carrier cannot inject markup', async () => {
    const shipment = { ...(sample.shipments as object[])[0], trackingUrl: '"><script>alert(1)</script>' };
    const html = await themes.defaultEngine.render('order', {
      ...data,
      order: { ...sample, shipments: [shipment] },
    });
    expect(html).not.toContain('<script>alert(1)</script>');
  });
});
