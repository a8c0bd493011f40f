import { request } from 'node:http';
import { contractViolation } from './contract-check';

export interface HostResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The raw bytes (a binary download: an export archive). */
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
}

export interface HostRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * Check the answer against the OpenAPI document (default): a documented operation's answer
   * that breaks it rejects the request. Off only for stand-in upstreams that answer on purpose
   * what no service does.
   */
  contract?: boolean;
}

/**
 * An HTTP request to `baseUrl` with an arbitrary Host header (fetch refuses to set one): how tests
 * reach a store, the console or the apex through one gateway port.
 */
export function requestAs(host: string, url: string, init: HostRequestInit = {}): Promise<HostResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: { ...init.headers, host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        const violation =
          init.contract === false
            ? undefined
            : contractViolation({
                method: init.method ?? 'GET',
                path: new URL(url).pathname,
                status: res.statusCode ?? 0,
                contentType: res.headers['content-type'],
                text,
              });
        if (violation) return reject(new Error(`The answer breaks the API contract: ${violation}`));
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          body,
          json: () => JSON.parse(text),
        });
      });
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
