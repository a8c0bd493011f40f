import type { TenantCtx } from '@fleet/context';
import type { Logger } from '@fleet/logger';
import type { StoredOverride } from '../data-access/theme-template.repository';
import { contentVersion, createThemeEngine, type ThemeEngine } from './theme-engine';

export interface OverrideStore {
  /** The tenant's overrides (row-level security scoped). */
  list(ctx: TenantCtx): Promise<StoredOverride[]>;
  /** Notes a render failure on the overrides named in it (best effort). */
  recordError(ctx: TenantCtx, files: string[], message: string): Promise<void>;
}

export interface Themes {
  /** The default theme's files (read once at start). */
  readonly defaults: ReadonlyMap<string, string>;
  readonly assetVersion: string;
  readonly defaultEngine: ThemeEngine;
  /** Engine over the defaults with `overrides` laid on top. */
  engineWith(overrides: ReadonlyMap<string, string>): ThemeEngine;
  /**
   * Renders a store page with the store's overrides; should they fail in any way, with the default
   * theme, so a broken override never reaches a shopper. `themeStamp` names the overrides' version.
   */
  render(
    ctx: TenantCtx,
    themeStamp: string | null,
    template: string,
    data: Record<string, unknown>,
  ): Promise<string>;
}

const MAX_TENANT_ENGINES = 500;

export function createThemes(
  defaults: ReadonlyMap<string, string>,
  overrides: OverrideStore,
  logger: Logger,
): Themes {
  const assetVersion = contentVersion(defaults);
  const defaultEngine = createThemeEngine(defaults, assetVersion);
  const engineWith = (own: ReadonlyMap<string, string>) =>
    createThemeEngine(new Map([...defaults, ...own]), assetVersion);
  /** Per tenant: the engine over its overrides as of a theme stamp (none: the default engine). */
  const engines = new Map<string, { stamp: string; engine: ThemeEngine; files: string[] }>();

  async function engineOf(ctx: TenantCtx, stamp: string | null) {
    const known = engines.get(ctx.tenantId);
    if (known && stamp !== null && known.stamp === stamp) return known;
    const rows = await overrides.list(ctx);
    const entry = {
      stamp: stamp ?? '',
      engine: rows.length ? engineWith(new Map(rows.map((r) => [r.file, r.source]))) : defaultEngine,
      files: rows.map((r) => r.file),
    };
    if (stamp !== null) {
      engines.delete(ctx.tenantId);
      engines.set(ctx.tenantId, entry);
      if (engines.size > MAX_TENANT_ENGINES) engines.delete(engines.keys().next().value as string);
    }
    return entry;
  }

  return {
    defaults,
    assetVersion,
    defaultEngine,
    engineWith,
    async render(ctx, stamp, template, data) {
      let own;
      try {
        own = await engineOf(ctx, stamp);
      } catch (err) {
        logger.warn({ err }, 'theme overrides unreadable; rendering the default theme');
        return defaultEngine.render(template, data);
      }
      if (own.engine === defaultEngine) return defaultEngine.render(template, data);
      try {
        return await own.engine.render(template, data);
      } catch (err) {
        const message = (err as Error).message;
        logger.warn({ err, template }, 'a theme override failed to render; the default theme was shown');
        const named = own.files.filter((f) => message.includes(f));
        void overrides.recordError(ctx, named.length ? named : own.files, message).catch(() => undefined);
        return defaultEngine.render(template, data);
      }
    },
  };
}
