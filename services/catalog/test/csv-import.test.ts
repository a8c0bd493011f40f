import type { ProductView } from '../src/domain/products/product-view';
import { importProducts } from '../src/domain/import/import-products';
import {
  json,
  newTenant,
  outbox,
  productBody,
  staff,
  startCatalog,
  variant,
  type CatalogFixture,
  type Problem,
} from './catalog-fixture';

let catalog: CatalogFixture;
beforeAll(async () => {
  catalog = await startCatalog('cat_import');
});
afterAll(() => catalog.close());

type Report = {
  imported: number;
  failed: number;
  truncated: boolean;
  errors: Array<{ row: number; errors: Array<{ path: string; message: string }> }>;
};
const HEADER = 'handle,title,description,status,category,variant_sku,variant_title,price,currency,stock';
const upload = (tenantId: string, csv: string, contentType = 'text/csv') =>
  catalog.call('/api/admin/products/import', { method: 'POST', ctx: staff(tenantId), raw: csv, contentType });
const product = async (tenantId: string, slug: string) => {
  const row = await catalog.owner('products').where({ tenant_id: tenantId, slug }).first('id');
  return json<ProductView>(catalog.call(`/api/admin/products/${row.id}`, { ctx: staff(tenantId) }));
};
const pathsByRow = (report: Report) =>
  report.errors.map((e) => [e.row, e.errors.map((x) => x.path).join(',')]);

test('good rows are imported, bad ones reported by row number (header = row 1) without aborting', async () => {
  const t = newTenant();
  const csv = [
    HEADER,
    'tee,Classic Tee,Soft cotton,active,Shirts,TEE-S,Small,19.99,USD,5',
    'tee,,,,,TEE-M,Medium,19.99,usd,0',
    'tee,,,,,TEE-L,Large,21.5,USD,2',
    'mug,Mug,,,Kitchen,MUG-1,,abc,USD,1',
    'notitle,,,,,NT-1,,5.00,USD,1',
    'yen,"Yen, the ""thing""",,draft,,YEN-1,,1500,JPY,3',
    'bad-cur,Thing,,,,BC-1,,5.00,XYZ,1',
    'kwd,Dinar Thing,,,shirts,KWD-1,,1.250,KWD,1',
    'usd3,Too precise,,,,U3-1,,1.999,USD,1',
  ].join('\r\n');
  const res = await upload(t, csv);
  expect(res.status).toBe(200);
  const report = await json<Report>(res);
  expect(report).toMatchObject({ imported: 5, failed: 4, truncated: false });
  expect(pathsByRow(report)).toEqual([
    [5, 'price'],
    [6, 'title'],
    [8, 'currency'],
    [10, 'price'],
  ]);
  const tee = await product(t, 'tee');
  expect(tee).toMatchObject({
    title: 'Classic Tee',
    description: 'Soft cotton',
    status: 'active',
    priceMin: 1999,
    priceMax: 2150,
  });
  expect(tee.variants.map((v) => [v.sku, v.title, v.price, v.available])).toEqual([
    ['TEE-S', 'Small', 1999, 5],
    ['TEE-M', 'Medium', 1999, 0],
    ['TEE-L', 'Large', 2150, 2],
  ]);
  expect(await product(t, 'yen')).toMatchObject({
    title: 'Yen, the "thing"',
    status: 'draft',
    currency: 'JPY',
    priceMin: 1500,
  });
  const kwd = await product(t, 'kwd');
  expect(kwd).toMatchObject({ priceMin: 1250, categoryIds: tee.categoryIds });
  expect(await catalog.owner('categories').where({ tenant_id: t }).select('name')).toEqual([
    { name: 'Shirts' },
  ]);
  expect((await outbox(catalog, { aggregate_id: tee.id })).map((e) => e.type)).toEqual(['product.created']);
});

test('importing a handle again updates its product; variant ids stay for the same SKUs', async () => {
  const t = newTenant();
  await upload(t, `${HEADER}\nsock,Sock,,,,SOCK-1,One,3.00,USD,1\nsock,,,,,SOCK-2,Two,3.00,USD,1\n`);
  const before = await product(t, 'sock');
  const again = `${HEADER}\nsock,Better Sock,,,,SOCK-1,One,3.50,USD,4\nsock,,,,,SOCK-3,Three,3.50,USD,6\n`;
  const report = await json<Report>(upload(t, again));
  expect(report).toMatchObject({ imported: 2, failed: 0 });
  const after = await product(t, 'sock');
  expect(after).toMatchObject({ title: 'Better Sock', version: 2, priceMin: 350 });
  // Stock starts new variants only; SOCK-1's units are inventory's (they arrive by event).
  expect(after.variants.map((v) => [v.sku, v.available])).toEqual([
    ['SOCK-1', 1],
    ['SOCK-3', 6],
  ]);
  expect(after.variants[0]?.id).toBe(before.variants[0]?.id);
});

test('row-level problems: field count, split handles, repeated SKUs, a SKU of another product', async () => {
  const t = newTenant();
  for (const [slug, sku] of [
    ['owner', 'OWNED'],
    ['other', 'OTHER-1'],
  ] as const) {
    await catalog.call('/api/admin/products', {
      method: 'POST',
      ctx: staff(t),
      body: productBody(slug, { slug, variants: [variant(sku)] }),
    });
  }
  const csv = [
    'handle,title,variant_sku,price,currency',
    'a,A,A-1,1.00,USD',
    'a,A,A-1,1.00,USD',
    'b,B,B-1,1.00',
    'c,C,C-1,1.00,USD',
    'a,A,A-2,1.00,USD',
    'owner,Owner,OWNER-2,1.00,USD',
    'owner,Owner,OTHER-1,1.00,USD',
  ].join('\n');
  const report = await json<Report>(upload(t, csv));
  expect(report).toMatchObject({ imported: 2, failed: 5 });
  expect(pathsByRow(report)).toEqual([
    [3, 'variant_sku'],
    [4, '(row)'],
    [6, 'handle'],
    [7, 'handle'],
    [8, 'variant_sku'],
  ]);
  expect(report.errors.find((e) => e.row === 8)?.errors[0]?.message).toBe('is used by another product');
  expect((await product(t, 'owner')).variants.map((v) => v.sku)).toEqual(['OWNED']);
});

test('a file that is not CSV, a bad header or a syntax error is a 400 problem and writes nothing', async () => {
  const t = newTenant();
  const wrongType = await upload(t, '{"products": []}', 'application/json');
  expect([wrongType.status, (await json<Problem>(wrongType)).code]).toEqual([400, 'unsupported_media_type']);
  const plain = await upload(t, `${HEADER}\n`, 'text/plain');
  expect([plain.status, (await json<Problem>(plain)).code]).toEqual([400, 'unsupported_media_type']);
  const header = await upload(t, 'handle,title,colour\nx,X,red\n');
  expect(header.status).toBe(400);
  const problem = await json<Problem>(header);
  expect(problem.code).toBe('invalid_csv_header');
  expect(problem.errors?.map((e) => e.message)).toEqual(
    expect.arrayContaining(['"colour" is not a known column', 'the column "price" is missing']),
  );
  const broken = await upload(t, `${HEADER}\nx,"Unclosed,,,,X-1,,1.00,USD,1\n`);
  expect([broken.status, (await json<Problem>(broken)).code]).toEqual([400, 'malformed_csv']);
  // A quote opening inside a field (csv-parse's INVALID_OPENING_QUOTE, found by the fuzz test).
  const quoted = await upload(
    t,
    `{"":"57896044618658097711785492504343953926634992332820282019728792003956564819945"}`,
  );
  expect([quoted.status, (await json<Problem>(quoted)).code]).toEqual([400, 'malformed_csv']);
  const midField = await upload(
    t,
    `${HEADER}
x,Mug "big",,,,X-1,,1.00,USD,1
`,
  );
  expect([midField.status, (await json<Problem>(midField)).code]).toEqual([400, 'malformed_csv']);
  expect((await upload(t, '')).status).toBe(400);
  expect(await catalog.owner('products').where({ tenant_id: t })).toEqual([]);
});

test('a large file streams through in batches', async () => {
  const t = newTenant();
  const rows = Array.from(
    { length: 1200 },
    (_, i) =>
      `p${Math.floor(i / 3)},Product ${Math.floor(i / 3)},,,Bulk,SKU-${i},V${i % 3},${(i % 90) + 1}.25,EUR,${i % 4}`,
  );
  const report = await json<Report>(upload(t, [HEADER, ...rows].join('\n')));
  expect(report).toMatchObject({ imported: 1200, failed: 0, errors: [] });
  expect(
    await catalog.owner('products').where({ tenant_id: t }).count<{ count: string }[]>('* as count'),
  ).toEqual([{ count: '400' }]);
}, 60_000);

test('past the row limit the import stops and says so', async () => {
  const t = newTenant();
  async function* records() {
    yield { fields: ['handle', 'title', 'variant_sku', 'price', 'currency'], row: 1 };
    for (let row = 2; row < 10; row++) yield { fields: [`h${row}`, 'T', `S${row}`, '1', 'USD'], row };
  }
  const report = await importProducts({ requestId: 'test', tenantId: t }, catalog.deps, records(), 3);
  expect(report).toMatchObject({ imported: 3, failed: 1, truncated: true, errors: [{ row: 5 }] });
});
