import type { Ctx } from '@fleet/context';
import { newId, type Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import {
  findStaffByEmail,
  insertStaff,
  type StaffRole,
  type StaffRow,
} from '../data-access/staff.repository';
import type { IdentityDeps } from './identity-deps';
import { issueTokens, type TokenPair } from './issue-tokens';
import { hashPassword, verifyPassword } from './password';
import { realmScope } from './realms';

export interface NewStaffInput {
  email: string;
  password: string;
  name: string;
  role: StaffRole;
}

export interface StaffView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

export interface CreatedStaff extends TokenPair {
  created: boolean;
  staff: StaffView;
}

/**
 * Adds a staff member (the owner at sign-up) and signs them in. A retried sign-up with the same
 * email and password gets the existing member with fresh tokens; any other reuse is a 409.
 */
export async function createStaff(ctx: Ctx, deps: IdentityDeps, input: NewStaffInput): Promise<CreatedStaff> {
  const scope = realmScope(ctx, 'staff');
  const passwordHash = await hashPassword(input.password);
  return deps.db.withTenant(scope, async (tx) => {
    const inserted = await insertStaff(tx, {
      tenantId: scope.tenantId,
      id: newId('stf'),
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
    });
    const row = inserted ?? (await existingForRetry(tx, scope.tenantId, input));
    const staff: StaffView = { id: row.id, email: row.email, name: row.name, role: row.role };
    const tokens = await issueTokens(tx, deps, scope, {
      realm: 'staff',
      id: row.id,
      roles: ['staff', row.role],
    });
    return { created: inserted !== undefined, staff, ...tokens };
  });
}

async function existingForRetry(tx: Queryable, tenantId: string, input: NewStaffInput): Promise<StaffRow> {
  const existing = await findStaffByEmail(tx, tenantId, input.email);
  if (existing && (await verifyPassword(input.password, existing.password_hash))) return existing;
  throw new AppError('conflict', 'A staff member with this email already exists.', { code: 'email_taken' });
}
