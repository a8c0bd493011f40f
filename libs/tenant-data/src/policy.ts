/**
 * What one service says about its tenant data; everything else (which tables, their keys, the
 * order to delete them in) is read from the database itself.
 */
export interface TenantDataPolicy {
  /** The service's name, as scripts/services.js names it: the folder of its files in an archive. */
  service: string;
  /** Columns never exported, by table (password hashes, secrets, encrypted keys, token hashes). */
  redact?: Readonly<Record<string, readonly string[]>>;
  /**
   * Tables purged but never exported: plumbing that is not the merchant's data (the outbox and the
   * inbox everywhere) or whole tables of secrets (refresh tokens).
   */
  exclude?: readonly string[];
}

/** Plumbing of `@fleet/messaging` in every service database: purged, never exported. */
export const PLUMBING_TABLES: readonly string[] = ['outbox', 'inbox'];

export function excludedTables(policy: TenantDataPolicy): Set<string> {
  return new Set([...PLUMBING_TABLES, ...(policy.exclude ?? [])]);
}

export function redactedColumns(policy: TenantDataPolicy, table: string): string[] {
  return [...(policy.redact?.[table] ?? [])];
}
