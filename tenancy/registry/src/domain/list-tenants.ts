import type { Ctx } from '@fleet/context';
import { decodeKeysetCursor, encodeKeysetCursor } from '@fleet/db';
import type { TenantSnapshot } from '@fleet/tenancy';
import { listTenants } from '../data-access/tenant-list.repository';
import { toSnapshot } from '../data-access/tenant.repository';
import type { RegistryDeps } from './registry-deps';

export interface TenantPage {
  items: Array<TenantSnapshot & { createdAt: string }>;
  nextCursor: string | null;
}

export async function listTenantsPage(
  _ctx: Ctx,
  deps: RegistryDeps,
  query: { q?: string; status?: string; plan?: string; limit: number; cursor?: string },
): Promise<TenantPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await deps.db.transaction((tx) => listTenants(tx, { ...query, after }));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      ...toSnapshot(row, deps.platformDomain, []),
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null,
  };
}

function encodeCursor(createdAt: string, id: string): string {
  return encodeKeysetCursor([createdAt, id]);
}

/** Checked strictly (`@fleet/db`): a forged cursor is a 400 naming `cursor`, never a Postgres error. */
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = decodeKeysetCursor(cursor, ['timestamp', 'id'] as const);
  return { createdAt, id };
}
