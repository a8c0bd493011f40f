import type { Queryable } from '@fleet/db';
import type { After } from '../domain/keyset-page';

export interface ReviewRow {
  id: string;
  product_id: string;
  customer_id: string;
  rating: number;
  title: string;
  body: string;
  hidden: boolean;
  reply: string | null;
  replied_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** The author has a delivered order with the product (from the order projection). */
  verified: boolean;
}

const VERIFIED = `EXISTS (SELECT 1 FROM purchased_items p JOIN delivered_orders d
    ON d.tenant_id = p.tenant_id AND d.order_id = p.order_id
  WHERE p.tenant_id = r.tenant_id AND p.customer_id = r.customer_id AND p.product_id = r.product_id) AS verified`;
const COLUMNS = `r.id, r.product_id, r.customer_id, r.rating, r.title, r.body, r.hidden, r.reply, r.replied_at,
  r.created_at, r.updated_at, ${VERIFIED}`;

export interface NewReview {
  id: string;
  productId: string;
  customerId: string;
  rating: number;
  title: string;
  body: string;
}

/** Inserts the review unless the customer has one for the product (then undefined). */
export async function insertReview(
  tx: Queryable,
  tenantId: string,
  review: NewReview,
): Promise<ReviewRow | undefined> {
  const now = new Date();
  const inserted = await tx.maybeOne<{ id: string }>(
    `INSERT INTO reviews (tenant_id, id, product_id, customer_id, rating, title, body, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (tenant_id, product_id, customer_id) DO NOTHING RETURNING id`,
    [tenantId, review.id, review.productId, review.customerId, review.rating, review.title, review.body, now],
  );
  return inserted && findReview(tx, tenantId, inserted.id);
}

export function findReview(tx: Queryable, tenantId: string, id: string): Promise<ReviewRow | undefined> {
  return tx.maybeOne<ReviewRow>(`SELECT ${COLUMNS} FROM reviews r WHERE r.tenant_id = $1 AND r.id = $2`, [
    tenantId,
    id,
  ]);
}

/** Locks the review for a moderation change; undefined when the tenant has no such review. */
export async function lockReview(tx: Queryable, tenantId: string, id: string) {
  return tx.maybeOne<{ product_id: string; hidden: boolean }>(
    'SELECT product_id, hidden FROM reviews WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
    [tenantId, id],
  );
}

export async function setHidden(tx: Queryable, tenantId: string, id: string, hidden: boolean): Promise<void> {
  await tx.query('UPDATE reviews SET hidden = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
    hidden,
  ]);
}

export async function setReply(tx: Queryable, tenantId: string, id: string, reply: string): Promise<void> {
  await tx.query(
    'UPDATE reviews SET reply = $3, replied_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2',
    [tenantId, id, reply],
  );
}

export interface ReviewFilter {
  productId?: string;
  /** `visible` or `hidden`; every review when absent. */
  status?: 'visible' | 'hidden';
  limit: number;
  after?: After;
}

/** Newest first, `limit + 1` rows from after the cursor. */
export function listReviews(tx: Queryable, tenantId: string, filter: ReviewFilter): Promise<ReviewRow[]> {
  const hidden = filter.status === undefined ? null : filter.status === 'hidden';
  return tx.rows<ReviewRow>(
    `SELECT ${COLUMNS} FROM reviews r
      WHERE r.tenant_id = $1
        AND ($2::text IS NULL OR r.product_id = $2)
        AND ($3::boolean IS NULL OR r.hidden = $3)
        AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4::timestamptz, $5::text))
      ORDER BY r.created_at DESC, r.id DESC LIMIT $6`,
    [
      tenantId,
      filter.productId ?? null,
      hidden,
      filter.after?.at ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
}
