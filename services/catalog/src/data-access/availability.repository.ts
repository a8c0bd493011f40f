import { prepared, type Queryable } from '@fleet/db';

/**
 * Locks the product a variant belongs to, as every writer of a product does first. Deferred: the
 * lock goes out with the next statement, which so runs (and takes its snapshot) once the lock is
 * held. Nothing is locked when the variant or its product is gone.
 */
export function lockProductOfVariant(tx: Queryable, tenantId: string, variantId: string): void {
  tx.defer(
    prepared(
      'catalog_lock_product_of_variant',
      `SELECT p.id FROM products p
        WHERE p.tenant_id = $1
          AND p.id = (SELECT v.product_id FROM variants v WHERE v.tenant_id = $1 AND v.id = $2)
          FOR UPDATE`,
    ),
    [tenantId, variantId],
  );
}

export interface AvailabilityRow {
  product_id: string;
  available: number | null;
  source_version: number | null;
}

/**
 * The variant's product and availability; undefined when the variant is gone. Call with its
 * product locked (`lockProductOfVariant` just before: both go out in one round trip).
 */
export function readAvailability(
  tx: Queryable,
  tenantId: string,
  variantId: string,
): Promise<AvailabilityRow | undefined> {
  return tx.maybeOne<AvailabilityRow>(
    prepared(
      'catalog_read_variant_availability',
      `SELECT v.product_id, a.available, a.source_version FROM variants v
         LEFT JOIN variant_availability a ON a.tenant_id = v.tenant_id AND a.variant_id = v.id
        WHERE v.tenant_id = $1 AND v.id = $2`,
    ),
    [tenantId, variantId],
  );
}

/** Sets the units and remembers the inventory version they came from (kept when null). */
export async function writeAvailability(
  tx: Queryable,
  tenantId: string,
  variantId: string,
  available: number,
  sourceVersion: number | null,
): Promise<void> {
  tx.defer(
    prepared(
      'catalog_write_availability',
      `INSERT INTO variant_availability AS a (tenant_id, variant_id, available, source_version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, variant_id) DO UPDATE SET available = EXCLUDED.available,
         source_version = coalesce(EXCLUDED.source_version, a.source_version), updated_at = now()`,
    ),
    [tenantId, variantId, available, sourceVersion],
  );
}
