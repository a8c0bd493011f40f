import { checkingContract } from '@fleet/testing';
import { parse } from 'csv-parse/sync';
import { seedProducts } from '../testing';
import {
  json,
  newTenant,
  shopper,
  staff,
  startCatalog,
  type CatalogFixture,
  type Problem,
} from './catalog-fixture';

let catalog: CatalogFixture;
beforeAll(async () => {
  catalog = checkingContract(await startCatalog('cat_export'));
});
afterAll(() => catalog.close());

const EXPORT = '/api/admin/products/export.csv';
const HEADER = 'handle,title,description,status,category,variant_sku,variant_title,price,currency';
const upload = (tenantId: string, csv: string) =>
  catalog.call('/api/admin/products/import', {
    method: 'POST',
    ctx: staff(tenantId),
    raw: csv,
    contentType: 'text/csv',
  });
const exported = async (tenantId: string): Promise<{ res: Response; text: string }> => {
  const res = await catalog.call(EXPORT, { ctx: staff(tenantId) });
  return { res, text: await res.text() };
};
/** Rows by handle: products come in id order, which concurrent import does not fix. */
const byHandle = (text: string) => {
  const [header, ...rows] = parse(text) as string[][];
  const products = new Map<string, string[][]>();
  for (const row of rows) products.set(row[0]!, [...(products.get(row[0]!) ?? []), row]);
  return { header: header?.join(','), products: Object.fromEntries(products) };
};

test('the catalog exports as the CSV the import reads, and imports back unchanged', async () => {
  const t = newTenant();
  const source = [
    `${HEADER},stock`,
    'tee,Classic Tee,"Soft, ""combed"" cotton",active,Shirts,TEE-S,Small,19.99,USD,5',
    'tee,,,,,TEE-M,Medium,20,USD,0',
    'yen,Yen thing,,draft,,YEN-1,,1500,JPY,3',
    'kwd,Dinar Thing,"Two\nlines",archived,Shirts,KWD-1,One,1.250,KWD,1',
  ].join('\r\n');
  expect(await json(await upload(t, source))).toMatchObject({ imported: 4, failed: 0 });

  const { res, text } = await exported(t);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toBe('attachment; filename=products.csv');
  const first = byHandle(text);
  expect(first.header).toBe(HEADER);
  expect(first.products).toEqual({
    tee: [
      ['tee', 'Classic Tee', 'Soft, "combed" cotton', 'active', 'Shirts', 'TEE-S', 'Small', '19.99', 'USD'],
      ['tee', '', '', '', '', 'TEE-M', 'Medium', '20.00', 'USD'],
    ],
    yen: [['yen', 'Yen thing', '', 'draft', '', 'YEN-1', 'Default', '1500', 'JPY']],
    kwd: [['kwd', 'Dinar Thing', 'Two\nlines', 'archived', 'Shirts', 'KWD-1', 'One', '1.250', 'KWD']],
  });

  // Into another store: the same file comes out.
  const copy = newTenant();
  expect(await json(await upload(copy, text))).toMatchObject({ imported: 4, failed: 0 });
  expect(byHandle((await exported(copy)).text)).toEqual(first);
});

test('a catalog larger than a page is exported whole, each product once', async () => {
  const t = newTenant();
  await seedProducts(catalog.db, t, { count: 230, variantsPerProduct: 2, categories: 3 });
  const { header, products } = byHandle((await exported(t)).text);
  expect(header).toBe(HEADER);
  expect(Object.keys(products)).toHaveLength(230);
  expect(Object.values(products).every((rows) => rows.length === 2)).toBe(true);
});

test('a store exports only its own products; a shopper is refused with a problem', async () => {
  const mine = newTenant();
  const theirs = newTenant();
  await upload(theirs, `${HEADER}\r\nsecret,Secret,,,,SEC-1,,5.00,USD`);
  const empty = await exported(mine);
  expect(empty.res.status).toBe(200);
  expect(empty.text).toBe(`${HEADER}\r\n`);
  expect((await exported(theirs)).text).toContain('SEC-1');

  const refused = await catalog.call(EXPORT, { ctx: shopper(theirs) });
  expect(refused.status).toBe(403);
  expect(refused.headers.get('content-type')).toContain('application/problem+json');
  expect((await json<Problem>(refused)).status).toBe(403);
});
