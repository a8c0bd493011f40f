import { prepared, type Queryable } from '@fleet/db';

export interface CustomerRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Date;
}

export interface NewCustomer {
  tenantId: string;
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

const COLUMNS = 'id, email, name, password_hash, created_at';

/** Inserts unless the email is taken in this tenant (the unique key decides, even under races). */
export function insertCustomer(tx: Queryable, c: NewCustomer): Promise<CustomerRow | undefined> {
  return tx.maybeOne<CustomerRow>(
    `INSERT INTO customers (tenant_id, id, email, name, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, email) DO NOTHING RETURNING ${COLUMNS}`,
    [c.tenantId, c.id, c.email, c.name, c.passwordHash],
  );
}

const BY_EMAIL = prepared(
  'identity_customer_by_email',
  `SELECT ${COLUMNS} FROM customers WHERE tenant_id = $1 AND email = $2`,
);
const BY_ID = prepared(
  'identity_customer_by_id',
  `SELECT ${COLUMNS} FROM customers WHERE tenant_id = $1 AND id = $2`,
);

export function findCustomerByEmail(tx: Queryable, tenantId: string, email: string) {
  return tx.maybeOne<CustomerRow>(BY_EMAIL, [tenantId, email]);
}

export function findCustomerById(tx: Queryable, tenantId: string, id: string) {
  return tx.maybeOne<CustomerRow>(BY_ID, [tenantId, id]);
}
