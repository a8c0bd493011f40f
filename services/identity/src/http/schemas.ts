import { z } from 'zod';
import { email, newPassword } from '@fleet/api-contract';

/** The public operations' schemas are the contract's (@fleet/api-contract, identity.ts). */
export { email, loginBody, newPassword, refreshBody, registerBody } from '@fleet/api-contract';

const name = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

export const staffBody = z.strictObject({
  email,
  password: newPassword,
  name,
  role: z.enum(['owner', 'admin', 'staff']),
  /** The calling service's key for this creation; a retry with it returns the same member. */
  creationKey: z.string().min(16, 'must be at least 16 characters').max(128).optional(),
});

const invitedRole = z.enum(['admin', 'staff']);

export const inviteBody = z.strictObject({ email, role: invitedRole });

export const roleBody = z.strictObject({ role: invitedRole });

export const acceptBody = z.strictObject({
  token: z.string().regex(/^inv_[A-Za-z0-9_-]{43}$/, 'is not an invitation token'),
  name,
  password: newPassword,
});

export const staffParams = z.strictObject({
  id: z.string().regex(/^stf_[0-9a-z]{26}$/, 'is not a staff id'),
});

export const invitationParams = z.strictObject({
  id: z.string().regex(/^inv_[0-9a-z]{26}$/, 'is not an invitation id'),
});
