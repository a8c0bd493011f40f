import { z } from 'zod';
import { email, newPassword } from './identity';
import { operations, type Operation } from './operation';

/**
 * Password reset and e-mail verification for shoppers (`/api/store/auth/...`) and merchant staff
 * (`/api/admin/auth/...`): a request always answers 202 whether the account exists or not (no
 * enumeration); the e-mailed one-time token confirms, once, before it expires.
 */

export const PASSWORD_RESET_TOKEN = /^pwr_[A-Za-z0-9_-]{43}$/;
export const EMAIL_VERIFICATION_TOKEN = /^vfy_[A-Za-z0-9_-]{43}$/;

export const accountEmailBody = z.strictObject({ email });
export const passwordResetConfirmBody = z.strictObject({
  token: z.string().regex(PASSWORD_RESET_TOKEN, 'is not a password reset token'),
  password: newPassword,
});
export const verifyEmailBody = z.strictObject({
  token: z.string().regex(EMAIL_VERIFICATION_TOKEN, 'is not an e-mail verification token'),
});

function accountTokenOperations(realm: 'store' | 'admin', tag: string) {
  const base = { door: 'store', auth: 'public', tags: [tag] } as const;
  const prefix = `/api/${realm}/auth`;
  return {
    requestReset: {
      ...base,
      method: 'post',
      path: `${prefix}/password-reset`,
      summary: 'E-mail a password reset link (202 whether or not the account exists)',
      body: accountEmailBody,
      status: 202,
      errors: [400],
    },
    confirmReset: {
      ...base,
      method: 'post',
      path: `${prefix}/password-reset/confirm`,
      summary: 'Choose a new password with the e-mailed token (once; every session is signed out)',
      body: passwordResetConfirmBody,
      status: 204,
      errors: [400, 404],
    },
    requestVerification: {
      ...base,
      method: 'post',
      path: `${prefix}/verify-email/request`,
      summary: 'E-mail a verification link again (202 whether or not the account exists)',
      body: accountEmailBody,
      status: 202,
      errors: [400],
    },
    confirmVerification: {
      ...base,
      method: 'post',
      path: `${prefix}/verify-email`,
      summary: 'Mark the e-mail address verified with the e-mailed token (once)',
      body: verifyEmailBody,
      status: 204,
      errors: [400, 404],
    },
  } satisfies Record<string, Operation>;
}

const store = accountTokenOperations('store', 'Shopper: account');
const admin = accountTokenOperations('admin', 'Admin: sign-in');

export const accountTokenOperationsByName = operations({
  requestCustomerPasswordReset: store.requestReset,
  confirmCustomerPasswordReset: store.confirmReset,
  requestCustomerEmailVerification: store.requestVerification,
  confirmCustomerEmailVerification: store.confirmVerification,
  requestStaffPasswordReset: admin.requestReset,
  confirmStaffPasswordReset: admin.confirmReset,
  requestStaffEmailVerification: admin.requestVerification,
  confirmStaffEmailVerification: admin.confirmVerification,
});
