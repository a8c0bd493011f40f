import type { Queryable } from '@fleet/db';

export interface TemplateRow {
  type: string;
  subject: string;
  html: string;
  text: string | null;
  updated_at: Date;
}

export function listTemplates(tx: Queryable, tenantId: string): Promise<TemplateRow[]> {
  return tx.rows<TemplateRow>(
    'SELECT type, subject, html, text, updated_at FROM templates WHERE tenant_id = $1',
    [tenantId],
  );
}

export function findTemplate(
  tx: Queryable,
  tenantId: string,
  type: string,
): Promise<TemplateRow | undefined> {
  return tx.maybeOne<TemplateRow>(
    'SELECT type, subject, html, text, updated_at FROM templates WHERE tenant_id = $1 AND type = $2',
    [tenantId, type],
  );
}

export async function upsertTemplate(
  tx: Queryable,
  t: { tenantId: string; type: string; subject: string; html: string; text: string | null },
): Promise<TemplateRow> {
  const row = await tx.maybeOne<TemplateRow>(
    `INSERT INTO templates (tenant_id, type, subject, html, text) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, type) DO UPDATE
       SET subject = EXCLUDED.subject, html = EXCLUDED.html, text = EXCLUDED.text, updated_at = now()
     RETURNING type, subject, html, text, updated_at`,
    [t.tenantId, t.type, t.subject, t.html, t.text],
  );
  return row as TemplateRow;
}

/** False when there was no override. */
export async function deleteTemplate(tx: Queryable, tenantId: string, type: string): Promise<boolean> {
  const row = await tx.maybeOne('DELETE FROM templates WHERE tenant_id = $1 AND type = $2 RETURNING type', [
    tenantId,
    type,
  ]);
  return row !== undefined;
}
