import { createHash } from 'node:crypto';
import type { Ctx } from '@fleet/context';
import { newId, type Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import {
  findStaffCreatedWithKey,
  insertStaff,
  type StaffRole,
  type StaffRow,
} from '../data-access/staff.repository';
import type { IdentityDeps } from './identity-deps';
import { issueTokens, type TokenPair } from './issue-tokens';
import { realmScope } from './realms';

export interface NewStaffInput {
  email: string;
  password: string;
  name: string;
  role: StaffRole;
  /** The caller's key for this one creation (the sign-up's): a retry with it gets the member back. */
  creationKey?: string;
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

/** How long a creation key can return the member it created (the sign-up's retry window and then some). */
export const CREATION_RETRY_SECONDS = 20 * 60;

/**
 * Adds a staff member (the owner at sign-up) and signs them in. A retry of the same creation (the
 * same `creationKey`, within CREATION_RETRY_SECONDS) gets the member with fresh tokens; any other
 * reuse of the email is a 409. The password is never checked here: creating an account must not
 * tell anyone whether they guessed an existing member's password.
 */
export async function createStaff(ctx: Ctx, deps: IdentityDeps, input: NewStaffInput): Promise<CreatedStaff> {
  const scope = realmScope(ctx, 'staff');
  const passwordHash = await deps.passwords.hash(input.password);
  const creationKeyHash = input.creationKey && sha256(input.creationKey);
  return deps.db.withTenant(scope, async (tx) => {
    const inserted = await insertStaff(tx, {
      tenantId: scope.tenantId,
      id: newId('stf'),
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
      creationKeyHash,
    });
    const row = inserted ?? (await sameCreation(tx, scope.tenantId, input.email, creationKeyHash));
    const staff: StaffView = { id: row.id, email: row.email, name: row.name, role: row.role };
    const tokens = await issueTokens(tx, deps, scope, {
      realm: 'staff',
      id: row.id,
      roles: ['staff', row.role],
    });
    return { created: inserted !== undefined, staff, ...tokens };
  });
}

async function sameCreation(
  tx: Queryable,
  tenantId: string,
  email: string,
  creationKeyHash: string | undefined,
): Promise<StaffRow> {
  const existing =
    creationKeyHash &&
    (await findStaffCreatedWithKey(tx, tenantId, {
      email,
      creationKeyHash,
      withinSeconds: CREATION_RETRY_SECONDS,
    }));
  if (existing) return existing;
  throw new AppError('conflict', 'A staff member with this email already exists.', { code: 'email_taken' });
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
