import { request } from 'node:http';

/**
 * One webhook delivery as a provider makes it: a POST of the exact bytes, answered within
 * `timeoutMs`. Sent with node:http rather than fetch so a `host` header (a store's own host in
 * front of one gateway port) is honoured. Resolves with the HTTP status, or 0 when unreachable.
 */
export function deliverWebhook(
  url: string,
  headers: Record<string, string>,
  rawBody: string,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(rawBody);
  });
}
