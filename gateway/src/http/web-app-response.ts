import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { AppError } from '@fleet/errors';
import type { WebAppFiles } from '../domain/web-apps';
import { answerError } from './problems';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
};
const COMPRESSIBLE = new Set(['html', 'js', 'css', 'svg', 'json', 'txt']);

/**
 * The apps call only their own origin's API, load only their own scripts and styles, and are
 * never framed. Images come from merchants' URLs (product images, logos), so any https/http image.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https: http:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Encoded {
  etag: string;
  identity: Uint8Array;
  br?: Buffer;
  gzip?: Buffer;
}
const encodedCache = new WeakMap<Uint8Array, Encoded>();

/** Hashes and compresses a file once, on its first request. */
function encoded(bytes: Uint8Array, compressible: boolean): Encoded {
  let entry = encodedCache.get(bytes);
  if (!entry) {
    entry = {
      etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
      identity: bytes,
    };
    if (compressible && bytes.length > 512) {
      entry.br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
      entry.gzip = gzipSync(bytes, { level: 9 });
    }
    encodedCache.set(bytes, entry);
  }
  return entry;
}

/**
 * Answers one file of a web app: hashed assets (`/assets/…`) are cached for a year, everything
 * else (index.html) is revalidated on every load so a new release shows at once. GET and HEAD only.
 */
export function sendWebAppFile(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  app: WebAppFiles,
  file: string,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return answerError(
      res,
      path,
      new AppError('not_found', 'Only GET and HEAD are served here.', { code: 'not_found' }),
    );
  }
  const bytes = file === 'missing' ? undefined : app.files.get(file);
  if (!bytes)
    return answerError(res, path, new AppError('not_found', 'No such file.', { code: 'not_found' }));
  const ext = file.slice(file.lastIndexOf('.') + 1);
  const entry = encoded(bytes, COMPRESSIBLE.has(ext));
  res.setHeader('content-type', TYPES[ext] ?? 'application/octet-stream');
  res.setHeader(
    'cache-control',
    file.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  res.setHeader('etag', entry.etag);
  res.setHeader('vary', 'Accept-Encoding');
  if (ext === 'html') res.setHeader('content-security-policy', WEB_APP_CSP);
  if (req.headers['if-none-match'] === entry.etag) {
    res.statusCode = 304;
    return void res.end();
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  let body: Uint8Array = entry.identity;
  if (entry.br && /\bbr\b/.test(accept)) {
    body = entry.br;
    res.setHeader('content-encoding', 'br');
  } else if (entry.gzip && /\bgzip\b/.test(accept)) {
    body = entry.gzip;
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('content-length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}
