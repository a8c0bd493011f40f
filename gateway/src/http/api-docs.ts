import { dirname, join } from 'node:path';
import type express from 'express';
import { type Express } from 'express';
import { apiDocument } from './openapi';

/** The reference page's own files: nothing from a CDN, nothing inline (see PAGE_CSP). */
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Swagger UI sets style attributes on the elements it renders.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fleet API reference</title>
<link rel="icon" href="/api/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="reference"><p>The API reference needs JavaScript; the document itself is at <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>.</p></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/reference.js"></script>
</body>
</html>
`;

const BOOT = `window.ui = SwaggerUIBundle({
  url: '/api/docs/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  withCredentials: false,
  tryItOutEnabled: false,
});
`;

/**
 * `/api/docs` on every host: the interactive reference for people (HTML), the document for
 * machines (`/api/docs/openapi.json`, and `/api/docs` itself to a client that does not ask for
 * HTML first, as before).
 */
export function registerApiDocs(app: Express): void {
  // Built on first request (about half a second of zod-to-JSON-Schema), not on every start-up.
  let document: string | undefined;
  const sendDocument = (res: express.Response) =>
    void res
      .type('application/json')
      .set('cache-control', 'public, max-age=300')
      .send((document ??= JSON.stringify(apiDocument())));

  app.get('/api/docs/openapi.json', (_req, res) => sendDocument(res));
  app.get('/api/docs', (req, res) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return sendDocument(res);
    res.type('html').set({ 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache' }).send(PAGE);
  });
  app.get('/api/docs/reference.js', (_req, res) => void res.type('js').send(BOOT));
  app.get('/api/docs/assets/:file', (req, res, next) => {
    if (!ASSETS.has(req.params.file)) return next();
    res.set('cache-control', 'public, max-age=86400').sendFile(join(SWAGGER_DIR, req.params.file));
  });
}
