import { checkSlug } from '../src/domain/slug-rules';

test.each([
  ['acme', null],
  ['my-shop-2', null],
  ['ab', 'invalid'],
  ['a'.repeat(41), 'invalid'],
  ['-acme', 'invalid'],
  ['acme-', 'invalid'],
  ['ac--me', 'invalid'],
  ['Acme', 'invalid'],
  ['acme_shop', 'invalid'],
  ['www', 'reserved'],
  ['console', 'reserved'],
  ['admin', 'reserved'],
  ['api', 'reserved'],
])('slug %s -> %s', (slug, expected) => {
  expect(checkSlug(slug)).toBe(expected);
});
