import { prepared, type Queryable } from '@fleet/db';

/** The id of the location created lazily for every tenant (ids are unique per tenant). */
export const DEFAULT_LOCATION_ID = 'loc_default';

const ENSURE_DEFAULT = prepared(
  'inv_ensure_default_location',
  `WITH created AS (
     INSERT INTO locations (tenant_id, id, name, is_default) VALUES ($1, $2, 'Default', true)
     ON CONFLICT DO NOTHING RETURNING id)
   SELECT id FROM created
   UNION ALL
   SELECT id FROM locations WHERE tenant_id = $1 AND is_default
   LIMIT 1`,
);

const FIND_DEFAULT = prepared(
  'inv_find_default_location',
  'SELECT id FROM locations WHERE tenant_id = $1 AND is_default',
);

/**
 * The tenant's default location, created on first use. A concurrent creator committing between
 * our snapshot and our insert leaves both halves of the statement empty: then read it again.
 */
export async function ensureDefaultLocation(tx: Queryable, tenantId: string): Promise<string> {
  const row =
    (await tx.maybeOne<{ id: string }>(ENSURE_DEFAULT, [tenantId, DEFAULT_LOCATION_ID])) ??
    (await tx.maybeOne<{ id: string }>(FIND_DEFAULT, [tenantId]));
  if (!row) throw new Error('The default location could not be created.');
  return row.id;
}
