import type { Queryable } from '@fleet/db';
import { findCustomerByEmail, findCustomerById, type CustomerRow } from '../data-access/customer.repository';
import {
  findPlatformAdminByEmail,
  findPlatformAdminById,
  type PlatformAdminRow,
} from '../data-access/platform-admin.repository';
import {
  findStaffByEmail,
  findStaffById,
  type StaffRole,
  type StaffRow,
} from '../data-access/staff.repository';
import { replacePasswordHash } from '../data-access/password-hash.repository';
import type { Realm } from './realms';

/** Anyone who can sign in, whatever table they live in. */
export interface Account {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  /** The `roles` claim of their access tokens. */
  roles: string[];
  role?: StaffRole;
  createdAt: Date;
}

interface AccountDirectory {
  byEmail(tx: Queryable, tenantId: string, email: string): Promise<Account | undefined>;
  byId(tx: Queryable, tenantId: string, id: string): Promise<Account | undefined>;
  /** Stores a rehashed password, unless the hash changed since it was read. */
  replaceHash(
    tx: Queryable,
    tenantId: string,
    change: { id: string; from: string; to: string },
  ): Promise<void>;
}

const base = (row: CustomerRow | StaffRow | PlatformAdminRow) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

const customer = (row: CustomerRow | undefined) => row && { ...base(row), roles: ['customer'] };
const staff = (row: StaffRow | undefined) =>
  row && { ...base(row), role: row.role, roles: ['staff', row.role] };
const admin = (row: PlatformAdminRow | undefined) => row && { ...base(row), roles: ['platform_admin'] };

/** Where each realm's accounts are found. Platform admins are a platform table (no tenant). */
export const accounts: Record<Realm, AccountDirectory> = {
  customer: {
    byEmail: async (tx, tenantId, email) => customer(await findCustomerByEmail(tx, tenantId, email)),
    byId: async (tx, tenantId, id) => customer(await findCustomerById(tx, tenantId, id)),
    replaceHash: (tx, tenantId, change) => replacePasswordHash(tx, 'customers', { tenantId, ...change }),
  },
  staff: {
    byEmail: async (tx, tenantId, email) => staff(await findStaffByEmail(tx, tenantId, email)),
    byId: async (tx, tenantId, id) => staff(await findStaffById(tx, tenantId, id)),
    replaceHash: (tx, tenantId, change) => replacePasswordHash(tx, 'staff', { tenantId, ...change }),
  },
  platform_admin: {
    byEmail: async (tx, _tenantId, email) => admin(await findPlatformAdminByEmail(tx, email)),
    byId: async (tx, _tenantId, id) => admin(await findPlatformAdminById(tx, id)),
    replaceHash: (tx, _tenantId, change) => replacePasswordHash(tx, 'platform_admins', change),
  },
};
