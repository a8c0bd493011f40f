import { NOTIFICATION_TYPES, type NotificationType } from '@fleet/api-contract';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import {
  deleteTemplate,
  listTemplates,
  upsertTemplate,
  type TemplateRow,
} from '../data-access/template.repository';
import { messageOf, sourceOf, templateVariables, type TemplateOverride } from './compose-email';
import { DEFAULT_TEMPLATES } from './default-templates';
import type { RenderedEmail } from './email-renderer';
import type { NotificationDeps } from './notification-deps';
import { sampleData } from './sample-data';

export interface TemplateView {
  type: NotificationType;
  overridden: boolean;
  override: { subject: string; html: string; text: string | null } | null;
  defaultSource: { subject: string; html: string; text: string };
  updatedAt: string | null;
}

const view = (type: NotificationType, row: TemplateRow | undefined): TemplateView => ({
  type,
  overridden: row !== undefined,
  override: row ? { subject: row.subject, html: row.html, text: row.text } : null,
  defaultSource: DEFAULT_TEMPLATES[type],
  updatedAt: row ? row.updated_at.toISOString() : null,
});

export async function listTemplateViews(ctx: TenantCtx, deps: NotificationDeps): Promise<TemplateView[]> {
  const rows = await deps.db.readAsTenant(ctx, (tx) => listTemplates(tx, ctx.tenantId));
  const byType = new Map(rows.map((row) => [row.type, row]));
  return NOTIFICATION_TYPES.map((type) => view(type, byType.get(type)));
}

/**
 * Renders an override with the type's sample data and the store's branding: the preview, and the
 * check before saving. A template error is a 422 naming it.
 */
export async function previewTemplate(
  ctx: TenantCtx,
  deps: NotificationDeps,
  type: NotificationType,
  override: TemplateOverride,
): Promise<RenderedEmail & { type: NotificationType }> {
  const profile = await deps.profiles.get(ctx.tenantId);
  const vars = templateVariables(type, sampleData(type), profile, 'shopper@example.com');
  try {
    return { type, ...(await deps.renderer.render(sourceOf(type, override), vars)) };
  } catch (err) {
    throw new AppError('business_rule', `The template does not render: ${messageOf(err)}`, {
      code: 'template_invalid',
    });
  }
}

/** Saves an override once it renders with sample data (a later failure with real data falls back to the default). */
export async function saveTemplate(
  ctx: TenantCtx,
  deps: NotificationDeps,
  type: NotificationType,
  override: TemplateOverride,
): Promise<TemplateView> {
  await previewTemplate(ctx, deps, type, override);
  const row = await deps.db.withTenant(ctx, (tx) =>
    upsertTemplate(tx, { tenantId: ctx.tenantId, type, ...override }),
  );
  return view(type, row);
}

export async function removeTemplate(
  ctx: TenantCtx,
  deps: NotificationDeps,
  type: NotificationType,
): Promise<void> {
  const deleted = await deps.db.withTenant(ctx, (tx) => deleteTemplate(tx, ctx.tenantId, type));
  if (!deleted) {
    throw new AppError('not_found', 'This e-mail has no override.', { code: 'template_not_overridden' });
  }
}
