import { Router, type Request } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody } from '@fleet/http';
import type { TenantCtx } from '@fleet/context';
import { staffCtx } from '@fleet/tenancy';
import { templateBody as body } from '@fleet/api-contract';
import { previewOverride } from '../domain/preview-override';
import { validateOverride, overrideFileOf } from '../domain/validate-override';
import type { StorefrontDeps } from '../domain/storefront-deps';

const nameOf = (req: Request): { name: string; file: string } => {
  const raw = (req.params as { name?: string | string[] }).name;
  const name = Array.isArray(raw) ? raw.join('/') : String(raw ?? '');
  const file = overrideFileOf(name);
  if (!file)
    throw new AppError('not_found', 'No such theme template.', {
      code: 'template_not_found',
      errors: [
        {
          path: 'name',
          message: 'must name a template (product, customers/login), layout/theme or snippets/<name>',
        },
      ],
    });
  return { name, file };
};

const templateInvalid = (message: string) =>
  new AppError('business_rule', `The template does not render: ${message}`, {
    code: 'template_invalid',
    errors: [{ path: 'source', message }],
  });

/**
 * `/api/admin/theme/templates/{name}` for store staff: a template override is validated (parsed,
 * then rendered with sample data over the store's other overrides) before it is saved; a refused
 * one is a 422 naming the error and nothing changes. GET shows the source and the last error a
 * shopper's page met (the default theme was shown instead). Saving or deleting renews the
 * store's theme stamp, so cached pages and engines are rebuilt at once.
 */
export function themeAdminRoutes(deps: StorefrontDeps): Router {
  const router = Router();
  /** The store's other overrides, which the checked one renders with. */
  const othersOf = async (ctx: TenantCtx, file: string) =>
    new Map((await deps.overrides.list(ctx)).filter((r) => r.file !== file).map((r) => [r.file, r.source]));

  router.get('/api/admin/theme/templates', async (_req, res) => {
    const ctx = staffCtx(res);
    const rows = await deps.overrides.list(ctx);
    res.json({ items: rows.map(({ source: _source, ...row }) => row), nextCursor: null });
  });

  router.get('/api/admin/theme/templates/*name', async (req, res) => {
    const ctx = staffCtx(res);
    const { name, file } = nameOf(req);
    const own = await deps.overrides.read(ctx, file);
    const fallback = deps.themes.defaults.get(file);
    if (!own && fallback === undefined)
      throw new AppError('not_found', 'No such theme template.', { code: 'template_not_found' });
    res.json({
      name,
      file,
      overridden: Boolean(own),
      source: own?.source ?? fallback,
      defaultSource: fallback ?? null,
      lastError: own?.lastError ?? null,
      lastErrorAt: own?.lastErrorAt ?? null,
      updatedAt: own?.updatedAt ?? null,
    });
  });

  /** The page an override would give, rendered with sample data; nothing is saved. */
  router.post('/api/admin/theme/preview/*name', async (req, res) => {
    const ctx = staffCtx(res);
    const { name, file } = nameOf(req);
    const { source } = parseBody(body, req);
    const preview = await previewOverride(deps.themes, await othersOf(ctx, file), file, source);
    if (!preview.ok) throw templateInvalid(preview.message);
    res.set('cache-control', 'no-store').json({ name, file, template: preview.template, html: preview.html });
  });

  router.put('/api/admin/theme/templates/*name', async (req, res) => {
    const ctx = staffCtx(res);
    const { name, file } = nameOf(req);
    const { source } = parseBody(body, req);
    const check = await validateOverride(deps.themes, await othersOf(ctx, file), file, source);
    if (!check.ok) throw templateInvalid(check.message);
    const saved = await deps.overrides.save(ctx, file, source);
    await deps.stamps.renewTheme(ctx.tenantId);
    res.json({ name, file, overridden: true, updatedAt: saved.updatedAt, lastError: null });
  });

  router.delete('/api/admin/theme/templates/*name', async (req, res) => {
    const ctx = staffCtx(res);
    const { file } = nameOf(req);
    if (!(await deps.overrides.remove(ctx, file)))
      throw new AppError('not_found', 'This template has no override.', { code: 'template_not_found' });
    await deps.stamps.renewTheme(ctx.tenantId);
    res.status(204).end();
  });

  return router;
}
