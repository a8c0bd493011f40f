import { isAllowedOrigin } from '../src/domain/cors-policy';

const hosts = ['acme.fleet.example', 'shop.acme.com', 'acme.localhost'];

test.each([
  ['https://acme.fleet.example', true],
  ['https://shop.acme.com', true],
  ['http://shop.acme.com', false], // plain http is only for development domains
  ['https://shop.acme.com:8443', false],
  ['https://evil.example', false],
  ['https://shop.acme.com.evil.example', false],
  ['https://shop.acme.com/path', false],
  ['http://acme.localhost:5173', true], // development: any port, http allowed
  ['null', false],
  ['not a url', false],
])('%s -> %s', (origin, allowed) => {
  expect(isAllowedOrigin(origin, hosts)).toBe(allowed);
});
