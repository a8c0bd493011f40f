import type { IncomingHttpHeaders } from 'node:http';
import type { Request, Response } from 'express';
import { Pool, type Dispatcher } from 'undici';
import { AppError } from '@fleet/errors';
import { INTERNAL_HEADER_PREFIX } from '@fleet/tenancy';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

export interface Upstream {
  name: string;
  pool: Pool;
}

export function createUpstream(name: string, url: string, connections = 64): Upstream {
  return {
    name,
    pool: new Pool(url, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: 5_000,
      bodyTimeout: 5_000,
    }),
  };
}

/** Inbound headers minus hop-by-hop ones and anything claiming to be internal. */
export function forwardableHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith(INTERNAL_HEADER_PREFIX)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Streams the request to the upstream and the answer back, without buffering either body.
 * `extra` headers (the signed context, the request id) are added after the inbound ones are cleaned.
 */
export async function proxy(
  upstream: Upstream,
  req: Request,
  res: Response,
  extra: Record<string, string>,
): Promise<void> {
  const headers = {
    ...forwardableHeaders(req.headers),
    ...extra,
    'x-forwarded-host': req.headers.host ?? '',
  };
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  let answer: Dispatcher.ResponseData;
  try {
    answer = await upstream.pool.request({
      method: req.method as Dispatcher.HttpMethod,
      path: req.originalUrl,
      headers,
      body: hasBody ? req : null,
    });
  } catch (err) {
    throw new AppError('unavailable', `The ${upstream.name} service is not answering.`, {
      code: 'upstream_unavailable',
      retryAfter: 1,
      cause: err,
    });
  }
  res.status(answer.statusCode);
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
  }
  for await (const chunk of answer.body) {
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}
