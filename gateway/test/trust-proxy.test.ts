import { startGateway, type Echoed, type GatewayFixture } from './gateway-fixture';

let f: GatewayFixture;

beforeAll(async () => {
  f = await startGateway('gw_trust', { gateway: { trustProxy: 'loopback' } });
  await f.provision('acme');
});
afterAll(() => f.close());

test('behind a trusted proxy, the client IP and protocol come from the forwarding headers', async () => {
  const res = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { 'x-forwarded-for': '198.51.100.23, 127.0.0.1', 'x-forwarded-proto': 'https' },
  });
  const echoed = res.json<Echoed>();
  expect(echoed.ctx.clientIp).toBe('198.51.100.23');
  expect(echoed.forwardedFor).toBe('198.51.100.23');
  expect(echoed.forwardedProto).toBe('https');
});

test('an untrusted hop ends the walk: a client cannot pick its own address behind it', async () => {
  const res = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { 'x-forwarded-for': '10.9.9.9, 198.51.100.23' },
  });
  expect(res.json<Echoed>().ctx.clientIp).toBe('198.51.100.23');
});
