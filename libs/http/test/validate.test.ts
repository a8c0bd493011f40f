import { z } from 'zod';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import type { TestServer } from './support/test-server';
import { startTestServer } from './support/test-server';

const Product = z.strictObject({ title: z.string().min(1), price: z.number().int().nonnegative() });
const Paging = z.object({ limit: z.coerce.number().int().max(100).default(20) });
const ById = z.object({ id: z.string().startsWith('prod_') });

describe('validate helpers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      routes: (app) => {
        app.post('/products', (req, res) => void res.status(201).json(parseBody(Product, req)));
        app.get('/products', (req, res) => void res.json(parseQuery(Paging, req)));
        app.get('/products/:id', (req, res) => void res.json(parseParams(ById, req)));
      },
    });
  });
  afterAll(() => server.close());

  it('returns the parsed body when valid', async () => {
    const res = await server.post('/products', JSON.stringify({ title: 'Mug', price: 1200 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ title: 'Mug', price: 1200 });
  });

  it('names every bad field of the body', async () => {
    const res = await server.post('/products', JSON.stringify({ title: '', price: -1, extra: true }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: Array<{ path: string; message: string }> };
    expect(body.code).toBe('validation_failed');
    const paths = body.errors.map((e) => e.path).sort();
    expect(paths).toEqual(['extra', 'price', 'title']);
    body.errors.forEach((e) => expect(e.message.length).toBeGreaterThan(0));
  });

  it('reports a missing body as the root', async () => {
    const res = await fetch(`${server.url}/products`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ path: '(root)' }] });
  });

  it('coerces and validates the query string', async () => {
    expect(await (await server.get('/products?limit=5')).json()).toEqual({ limit: 5 });
    expect(await (await server.get('/products')).json()).toEqual({ limit: 20 });
    const res = await server.get('/products?limit=500');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      detail: 'The query string is invalid.',
      errors: [{ path: 'limit' }],
    });
  });

  it('validates path parameters', async () => {
    expect(await (await server.get('/products/prod_1')).json()).toEqual({ id: 'prod_1' });
    const res = await server.get('/products/ord_1');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ path: 'id' }] });
  });

  it('refuses NUL characters anywhere (PostgreSQL stores none), naming where they are', async () => {
    const res = await server.post(
      '/products',
      JSON.stringify({ title: 'Mu\u0000g', price: 1, ['k\u0000']: 1 }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [
        { path: 'title', message: 'must not contain NUL characters' },
        { path: '(root)', message: 'must not have a key with NUL characters' },
      ],
    });
    expect((await server.get('/products/prod_%00')).status).toBe(400);
    expect(await (await server.get('/products?limit=5&x=%00')).json()).toMatchObject({
      errors: [{ path: 'x' }],
    });
  });
});
