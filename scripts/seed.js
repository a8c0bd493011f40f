// Gives a fresh developer machine one store to shop at: `acme.{PLATFORM_DOMAIN}`, with a few active
// products in stock in three categories, one of them in three sizes (offline payments), and a
// "Staff picks" collection of three of them (the home's featured collection), so the whole buying
// path, the category and collection pages and the variant picker show at once. Idempotent: the
// provisioning key makes a repeated seed return the same tenant, and products are added only to a
// store that has none. Skipped with FLEET_SEED=0.
const { createRegistryClient, signContext, CONTEXT_HEADER } = require('@fleet/tenancy');

const DEMO_CATEGORIES = ['Furniture', 'Lighting', 'Textiles'];

/** The home features the store's first collection: this one, holding the products marked `pick`. */
const DEMO_COLLECTION = {
  title: 'Staff picks',
  slug: 'staff-picks',
  description: 'The pieces our team reaches for every day.',
};

/** One variant each, except the shirt: three sizes (one on sale, one sold out) for the variant picker. */
const DEMO_PRODUCTS = [
  { title: 'Walnut Desk', sku: 'ACME-DESK', price: 24_900, category: 'Furniture', pick: true },
  { title: 'Brass Lamp', sku: 'ACME-LAMP', price: 4_500, category: 'Lighting', pick: true },
  { title: 'Wool Throw', sku: 'ACME-THROW', price: 6_900, category: 'Textiles', pick: true },
  {
    title: 'Linen Shirt',
    sku: 'ACME-SHIRT',
    category: 'Textiles',
    options: ['Size'],
    variants: [
      { size: 'Small', price: 5_900, stock: 100 },
      { size: 'Medium', price: 5_900, compareAtPrice: 7_500, stock: 100 },
      { size: 'Large', price: 6_400, stock: 0 },
    ],
  },
];

/** The catalog admin body of a demo product, its category ids by name, in the collection if a pick. */
function productBody(product, categoryIds, collectionId) {
  const variants = product.variants
    ? product.variants.map((v) => ({
        sku: `${product.sku}-${v.size[0]}`,
        title: v.size,
        price: v.price,
        ...(v.compareAtPrice ? { compareAtPrice: v.compareAtPrice } : {}),
        currency: 'USD',
        stock: v.stock,
        options: { Size: v.size },
      }))
    : [{ sku: product.sku, title: 'Default', price: product.price, currency: 'USD', stock: 100 }];
  return {
    title: product.title,
    description: `${product.title} from the demo store.`,
    categoryIds: [categoryIds.get(product.category)],
    ...(product.pick ? { collectionIds: [collectionId] } : {}),
    ...(product.options ? { options: product.options } : {}),
    variants,
  };
}

async function seedDemoStore(env, log) {
  if (env.FLEET_SEED === '0') return;
  const registry = createRegistryClient({
    baseUrl: env.TENANCY_URL,
    signingKey: env.INTERNAL_SIGNING_KEY,
    caller: 'dev-seed',
  });
  await waitReady(`${env.TENANCY_URL}/readyz`);
  const tenant = await registry.provision(
    { slug: 'acme', name: 'Acme Demo Store', currency: 'USD', country: 'US' },
    'dev-seed-demo-store',
  );
  await seedDemoOwner(env, tenant.id);
  const added = await seedDemoProducts(env, tenant.id);
  log(
    `seeded store "${tenant.slug}" (${tenant.id}) at http://${tenant.hosts[0]}:${env.GATEWAY_PORT || 8080}/` +
      (added ? ` with ${added} products` : ''),
  );
  return tenant;
}

/** The demo store's owner, to sign in to its admin at /admin (an existing one is kept). */
const DEMO_OWNER = {
  email: 'owner@acme.test',
  password: process.env.DEMO_OWNER_PASSWORD || 'acme-demo-owner',
};

async function seedDemoOwner(env, tenantId) {
  await waitReady(`${env.IDENTITY_URL}/readyz`);
  const ctx = { requestId: 'dev-seed', tenantId, actor: { kind: 'service', id: 'dev-seed' } };
  const res = await fetch(`${env.IDENTITY_URL}/internal/staff`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CONTEXT_HEADER]: signContext(ctx, env.INTERNAL_SIGNING_KEY, {
        audience: 'identity',
        method: 'POST',
        path: '/internal/staff',
      }),
    },
    body: JSON.stringify({ ...DEMO_OWNER, name: 'Acme Owner', role: 'owner' }),
  });
  if (![200, 201, 409].includes(res.status))
    throw new Error(`creating the demo owner answered ${res.status}: ${await res.text()}`);
}

/**
 * As the store's owner, through catalog's admin API: the categories and the collection, then each
 * product active in its category (and the collection), in stock (100 units a variant, but the
 * shirt's sold-out size).
 */
async function seedDemoProducts(env, tenantId) {
  await waitReady(`${env.CATALOG_URL}/readyz`);
  // Each context is signed for catalog and the one request it goes with.
  const send = (method, path, body) =>
    fetch(`${env.CATALOG_URL}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        [CONTEXT_HEADER]: signContext(
          { requestId: 'dev-seed', tenantId, actor: { kind: 'staff', id: 'stf_dev_seed', roles: ['owner'] } },
          env.INTERNAL_SIGNING_KEY,
          { audience: 'catalog', method, path: path.split('?')[0] },
        ),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const created = async (what, res) => {
    if (res.status !== 201) throw new Error(`creating ${what} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const existing = await send('GET', '/api/admin/products?limit=1');
  if (!existing.ok) throw new Error(`listing products answered ${existing.status}`);
  if ((await existing.json()).items.length > 0) return 0;
  const categoryIds = new Map();
  for (const name of DEMO_CATEGORIES) {
    const category = await created(`category ${name}`, await send('POST', '/api/admin/categories', { name }));
    categoryIds.set(name, category.id);
  }
  const collection = await created(
    `collection ${DEMO_COLLECTION.title}`,
    await send('POST', '/api/admin/collections', DEMO_COLLECTION),
  );
  for (const product of DEMO_PRODUCTS)
    await created(
      product.sku,
      await send('POST', '/api/admin/products', productBody(product, categoryIds, collection.id)),
    );
  return DEMO_PRODUCTS.length;
}

async function waitReady(url) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

module.exports = { DEMO_OWNER, seedDemoStore };
