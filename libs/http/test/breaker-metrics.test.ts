import { createServer } from 'node:net';
import { createServiceClient, serviceRegistry } from '@fleet/http';

/** `fleet_circuit_state` of each createServiceClient (issue 18): 0 closed, 2 open, gone on close. */
async function circuit(service: string, upstream: string): Promise<number | undefined> {
  const text = await serviceRegistry(service).metrics();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`fleet_circuit_state{service="${service}",upstream="${upstream}"} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

/** A port nothing listens on: every call is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("a client's circuit shows closed, then open once its upstream keeps refusing, and leaves on close", async () => {
  const client = createServiceClient({
    service: 'stock',
    caller: 'breaker-metrics',
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    signingKey: 'breaker-metrics-test-key-of-32-characters',
    retries: 0,
    breaker: { volumeThreshold: 2, errorThresholdPercentage: 50 },
  });
  try {
    expect(await circuit('breaker-metrics', 'stock')).toBe(0);
    for (let i = 0; i < 3; i++)
      await client.call({ requestId: 'r', tenantId: 'ten_a' }, { method: 'GET', path: '/x' });
    expect(client.circuit()).toBe('open');
    expect(await circuit('breaker-metrics', 'stock')).toBe(2);
  } finally {
    await client.close();
  }
  expect(await circuit('breaker-metrics', 'stock')).toBeUndefined();
});
