import { gzipSync } from 'node:zlib';
import { Router, type Response } from 'express';
import { placeholderSvg } from '../domain/placeholder-image';
import type { StorefrontDeps } from '../domain/storefront-deps';

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json',
};
const YEAR = 'public, max-age=31536000, immutable';
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#1f4e79"/>' +
  '<path d="M9 22V10h12v3h-8v2h6v3h-6v4z" fill="#fff"/></svg>';

/**
 * The theme's assets (versioned URLs, cached for a year, gzip kept ready), the generated product
 * images and the favicon: the same on every host, no tenant data.
 */
export function staticRoutes(deps: StorefrontDeps): Router {
  const router = Router();
  const assets = new Map<string, { type: string; body: Buffer; gzip: Buffer }>();
  for (const [path, source] of deps.themes.defaults) {
    if (!path.startsWith('assets/')) continue;
    const type = TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
    const body = Buffer.from(source);
    assets.set(path.slice('assets/'.length), { type, body, gzip: gzipSync(body, { level: 9 }) });
  }

  router.get('/assets/:name', (req, res) => {
    const asset = assets.get(req.params.name as string);
    if (!asset) return void res.status(404).type('text/plain').send('Not found');
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.setHeader('content-type', asset.type);
    res.setHeader('cache-control', req.query.v === deps.themes.assetVersion ? YEAR : 'public, max-age=300');
    res.setHeader('vary', 'Accept-Encoding');
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.end(gzip ? asset.gzip : asset.body);
  });

  router.get('/images/products/:file', (req, res) => {
    const match = /^([A-Za-z0-9_-]{1,80})\.svg$/.exec(req.params.file as string);
    if (!match) return void res.status(404).type('text/plain').send('Not found');
    // The image of an id never changes: cache it for good.
    sendSvg(res, placeholderSvg(match[1] as string), YEAR);
  });

  router.get('/favicon.svg', (_req, res) => sendSvg(res, FAVICON, 'public, max-age=604800'));
  router.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'));
  return router;
}

function sendSvg(res: Response, svg: string, cacheControl: string): void {
  res.setHeader('content-type', 'image/svg+xml');
  res.setHeader('cache-control', cacheControl);
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.end(svg);
}
