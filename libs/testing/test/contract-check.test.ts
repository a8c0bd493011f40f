import { contractViolation } from '@fleet/testing';

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
