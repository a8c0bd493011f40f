import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractViolation, requestAs } from '@fleet/testing';

const cart = { id: 'cart_1', items: [], subtotal: 0, currency: null, itemCount: 0 };
const answer = (over: Partial<Parameters<typeof contractViolation>[0]>) =>
  contractViolation({
    method: 'GET',
    path: '/api/store/carts/cart_1',
    status: 200,
    contentType: 'application/json; charset=utf-8',
    text: JSON.stringify(cart),
    ...over,
  });

test('an answer that keeps the document passes', () => {
  expect(answer({})).toBeUndefined();
  expect(answer({ path: '/api/store/carts/cart_1?x=1' })).toBeUndefined();
});

test('a wrong body of a documented operation is caught, naming the field', () => {
  const wrong = answer({ text: JSON.stringify({ ...cart, subtotal: '0', itemCount: undefined }) });
  expect(wrong).toContain('GET /api/store/carts/cart_1 → 200');
  expect(wrong).toContain('itemCount');
  expect(wrong).toContain('subtotal');
  expect(answer({ text: 'not json' })).toContain('does not match');
});

test('a success status the document does not declare is caught', () => {
  expect(answer({ method: 'POST', path: '/api/store/carts', status: 202 })).toContain(
    'status not in the document',
  );
});

test('a CSV operation must answer CSV (its body is not JSON)', () => {
  const csv = { path: '/api/admin/products/export.csv', text: 'handle,title\r\n' };
  expect(answer({ ...csv, contentType: 'text/csv; charset=utf-8' })).toBeUndefined();
  expect(answer({ ...csv, contentType: 'application/json', text: '[]' })).toContain(
    'where the document says text/csv',
  );
});

test('a problem+json body must be a Problem, on any /api path', () => {
  const problem = {
    type: 'https://errors.fleet.dev/not_found',
    title: 'Not found',
    status: 404,
    code: 'not_found',
  };
  const as = (body: unknown) =>
    answer({ status: 404, contentType: 'application/problem+json', text: JSON.stringify(body) });
  expect(as(problem)).toBeUndefined();
  expect(as({ title: 'Not found' })).toContain('not a Problem');
});

test('what the document does not describe is left alone', () => {
  expect(answer({ path: '/api/store/echo/x' })).toBeUndefined();
  expect(answer({ path: '/products/shoe', contentType: 'text/html' })).toBeUndefined();
  expect(answer({ status: 404, contentType: 'text/html' })).toBeUndefined();
});

test('requestAs, the suites’ request helper, rejects an answer that breaks the contract', async () => {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(req.url === '/api/store/carts/good' ? cart : { ...cart, itemCount: 'two' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    expect((await requestAs('acme.fleet.test', `${base}/api/store/carts/good`)).status).toBe(200);
    await expect(requestAs('acme.fleet.test', `${base}/api/store/carts/bad`)).rejects.toThrow(
      /breaks the API contract: GET \/api\/store\/carts\/bad → 200.*itemCount/,
    );
    const unchecked = await requestAs('acme.fleet.test', `${base}/api/store/carts/bad`, { contract: false });
    expect(unchecked.status).toBe(200);
  } finally {
    server.close();
  }
});
