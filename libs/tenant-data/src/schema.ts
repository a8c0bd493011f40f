import type { Queryable } from '@fleet/db';

/** A tenant-owned table as the database describes it. */
export interface TenantTable {
  name: string;
  columns: string[];
  /** Primary key columns in key order (`tenant_id` first). */
  primaryKey: string[];
  /** Other tenant tables this one references (composite foreign keys). */
  references: string[];
}

const TABLES_SQL = `
SELECT c.relname AS name,
       array(SELECT a.attname::text FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns,
       array(SELECT a.attname::text FROM pg_index i
               CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary ORDER BY k.ord) AS primary_key,
       array(SELECT DISTINCT p.relname::text FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid
              WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS refs
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = current_schema()
   AND c.relkind IN ('r', 'p')
   AND NOT c.relispartition
   AND EXISTS (SELECT 1 FROM pg_attribute t
                WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
 ORDER BY c.relname`;

/**
 * Every table of the service's schema with a `tenant_id` column: found, never listed by hand, so a
 * table a later migration adds is exported and purged without anyone remembering to.
 */
export async function discoverTenantTables(db: Pick<Queryable, 'rows'>): Promise<TenantTable[]> {
  const rows = await db.rows<{ name: string; columns: string[]; primary_key: string[]; refs: string[] }>(
    TABLES_SQL,
  );
  const names = new Set(rows.map((r) => r.name));
  return rows.map((r) => ({
    name: r.name,
    columns: r.columns,
    primaryKey: r.primary_key,
    references: r.refs.filter((ref) => names.has(ref)),
  }));
}

/**
 * The order to delete in: a table before every table it references, so no foreign key is ever
 * violated (Kahn's algorithm on the reference graph, ties by name). A cycle of references is
 * refused: no schema here has one, and guessing an order would fail halfway through a purge.
 */
export function deleteOrder(tables: readonly TenantTable[]): string[] {
  const referencedBy = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const t of tables) for (const ref of t.references) referencedBy.get(ref)?.add(t.name);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = [...referencedBy.entries()]
      .filter(([name, children]) => !done.has(name) && [...children].every((c) => done.has(c)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t.name)).map((t) => t.name);
      throw new Error(`tenant tables reference each other in a cycle: ${left.join(', ')}`);
    }
    for (const name of ready) {
      order.push(name);
      done.add(name);
    }
  }
  return order;
}

/** `"name"` for SQL; names come from the catalog, but quoting keeps odd ones harmless. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
