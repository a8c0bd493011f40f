/** A stock level as repositories return it (camelCase straight from SQL). */
export interface LevelRow {
  variantId: string;
  locationId: string;
  productId: string | null;
  onHand: number;
  reserved: number;
  version: number;
  updatedAt: Date;
  archived: boolean;
}

/** The select list of a `LevelRow`, optionally qualified by a table alias. */
export function levelColumns(alias?: string): string {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  return [
    `${c('variant_id')} AS "variantId"`,
    `${c('location_id')} AS "locationId"`,
    `${c('product_id')} AS "productId"`,
    `${c('on_hand')} AS "onHand"`,
    `${c('reserved')} AS "reserved"`,
    `${c('version')} AS "version"`,
    `${c('updated_at')} AS "updatedAt"`,
    `${c('archived_at')} IS NOT NULL AS "archived"`,
  ].join(', ');
}

/** The default location of the tenant in `$1`, as a scalar subquery. */
export const DEFAULT_LOCATION = '(SELECT id FROM locations WHERE tenant_id = $1 AND is_default)';
