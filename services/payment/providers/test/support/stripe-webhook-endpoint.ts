import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A merchant's webhook endpoint for the Stripe stand-in to deliver to: hands the raw bytes and
 * headers to `handle` and answers with the status it returns, as the real route would.
 */
export async function startWebhookEndpoint(
  handle: (rawBody: Buffer, headers: IncomingHttpHeaders) => Promise<number>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const status = await handle(Buffer.concat(chunks), req.headers).catch(() => 500);
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
