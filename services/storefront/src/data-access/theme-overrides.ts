import type { TenantCtx } from '@fleet/context';
import type { Db } from '@fleet/db';
import type { OverrideStore } from '../domain/themes';
import {
  deleteOverride,
  listOverrides,
  readOverride,
  recordRenderError,
  saveOverride,
  type StoredOverride,
} from './theme-template.repository';

export interface ThemeOverrides extends OverrideStore {
  read(ctx: TenantCtx, file: string): Promise<StoredOverride | undefined>;
  save(ctx: TenantCtx, file: string, source: string): Promise<StoredOverride>;
  remove(ctx: TenantCtx, file: string): Promise<boolean>;
}

/** The storefront's own table of per-store overrides, every statement under the tenant's RLS scope. */
export function createThemeOverrides(db: Db): ThemeOverrides {
  return {
    list: (ctx) => db.readAsTenant(ctx, listOverrides),
    read: (ctx, file) => db.readAsTenant(ctx, (tx) => readOverride(tx, file)),
    save: (ctx, file, source) => db.withTenant(ctx, (tx) => saveOverride(tx, ctx.tenantId, file, source)),
    remove: (ctx, file) => db.withTenant(ctx, (tx) => deleteOverride(tx, file)),
    recordError: (ctx, files, message) => db.withTenant(ctx, (tx) => recordRenderError(tx, files, message)),
  };
}
