import { z } from 'zod';

/** Emails are compared lower-case and trimmed, everywhere. */
export const email = z.string().trim().toLowerCase().max(254).pipe(z.email('must be an email address'));

/** The password policy applies when one is chosen; sign-in accepts anything (bounded). */
export const newPassword = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters');
const anyPassword = z.string().min(1, 'is required').max(128, 'must be at most 128 characters');

const name = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

export const registerBody = z.strictObject({ email, password: newPassword, name });

export const loginBody = z.strictObject({ email, password: anyPassword });

export const refreshBody = z.strictObject({
  refreshToken: z.string().min(1, 'is required').max(512, 'is not a refresh token'),
});

export const staffBody = z.strictObject({
  email,
  password: newPassword,
  name,
  role: z.enum(['owner', 'admin', 'staff']),
  /** The calling service's key for this creation; a retry with it returns the same member. */
  creationKey: z.string().min(16, 'must be at least 16 characters').max(128).optional(),
});
