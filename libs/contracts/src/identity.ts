/**
 * Identity's events for mail the platform sends on an account's behalf. The raw one-time token
 * travels only in these events (identity stores its sha256); notification builds the link on the
 * store's host: `/account/reset-password?token=` or `/admin/reset-password?token=`,
 * `/account/verify-email?token=` or `/admin/verify-email?token=`.
 */
export const IDENTITY_EVENTS = {
  passwordResetRequested: 'identity.password_reset_requested',
  emailVerificationRequested: 'identity.email_verification_requested',
} as const;

export type AccountAudience = 'customer' | 'staff';

export interface AccountTokenIssued {
  audience: AccountAudience;
  email: string;
  name: string;
  /** The one-time token itself: single use, valid until `expiresAt`. */
  token: string;
  /** ISO-8601, UTC. */
  expiresAt: string;
}
