import { Router } from 'express';
import { AppError } from '@fleet/errors';
import { getMetricsRegistry } from '@fleet/http';
import { startTestServer, type TestServer } from './support/test-server';

function histogramLines(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count'));
}

describe('/metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      metrics: { extraLabels: { tenant: (req) => req.header('x-test-tenant') ?? 'none' } },
      routes: (app) => {
        const store = Router();
        store.get('/products/:id', (req, res) => void res.json({ id: req.params.id }));
        store.get('/orders/:id', () => {
          throw new AppError('not_found', 'No such order.');
        });
        app.use('/api/store', store);
      },
    });
  });
  afterAll(() => server.close());

  it('exposes the histogram labelled by route pattern, never the raw id', async () => {
    await server.get('/api/store/products/prod_123', { headers: { 'x-test-tenant': 'acme' } });
    await server.get('/api/store/products/prod_456', { headers: { 'x-test-tenant': 'acme' } });
    const text = await (await server.get('/metrics')).text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).not.toContain('prod_123');
    expect(histogramLines(text)).toContainEqual(
      'http_request_duration_seconds_count{method="GET",route="/api/store/products/:id",status_code="200",tenant="acme"} 2',
    );
  });

  it('keeps the full pattern when a nested router passes an error on', async () => {
    await server.get('/api/store/orders/ord_9');
    const text = await (await server.get('/metrics')).text();
    expect(text).not.toContain('ord_9');
    expect(histogramLines(text).join('\n')).toContain('route="/api/store/orders/:id",status_code="404"');
  });

  it('labels unknown routes as unmatched', async () => {
    await server.get('/wp-admin/setup.php');
    const text = await (await server.get('/metrics')).text();
    expect(text).not.toContain('wp-admin');
    expect(histogramLines(text).join('\n')).toContain('route="unmatched",status_code="404"');
  });

  it('includes default process metrics', async () => {
    const text = await (await server.get('/metrics')).text();
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('gives each app its own registry', async () => {
    const other = await startTestServer();
    expect(getMetricsRegistry(other.app)).not.toBe(getMetricsRegistry(server.app));
    const text = await (await other.get('/metrics')).text();
    expect(text).not.toContain('/api/store/products/:id');
    await other.close();
  });
});
