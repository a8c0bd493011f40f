import { z } from 'zod';
import { email, newPassword } from '@fleet/api-contract';

/** The public operations' schemas are the contract's (@fleet/api-contract, identity.ts). */
export {
  acceptBody,
  email,
  invitationParams,
  inviteBody,
  loginBody,
  newPassword,
  refreshBody,
  registerBody,
  roleBody,
  staffParams,
} from '@fleet/api-contract';

const name = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

export const staffBody = z.strictObject({
  email,
  password: newPassword,
  name,
  role: z.enum(['owner', 'admin', 'staff']),
  /** The calling service's key for this creation; a retry with it returns the same member. */
  creationKey: z.string().min(16, 'must be at least 16 characters').max(128).optional(),
});
