import { z } from 'zod';
import { timestamp } from './common';
import { operations, type Door, type Operation } from './operation';

/** Identity's public operations: sign-in for the three realms, the web apps' sessions, profiles. */

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

export const tokens = z.looseObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.int(),
});
export const registered = tokens.extend({
  customer: z.looseObject({ id: z.string(), email: z.string(), name: z.string() }),
});
/** A web app's session: the refresh token is in the HttpOnly cookie, not here. */
export const sessionTokens = z.looseObject({ accessToken: z.string(), expiresIn: z.int() });

export const customerProfile = z.looseObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: timestamp,
});
export const staffProfile = z.looseObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'admin', 'staff']).optional(),
});
export const platformAdminProfile = z.looseObject({ id: z.string(), email: z.string(), name: z.string() });

type Realm = 'store' | 'admin' | 'platform';
const doorOf: Record<Realm, Door> = { store: 'store', admin: 'store', platform: 'console' };
const tagOf: Record<Realm, string> = {
  store: 'Shopper: account',
  admin: 'Admin: sign-in',
  platform: 'Console: sign-in',
};

/** `/api/{realm}/auth/login|refresh|logout`: the token API of one realm. */
function authOperations(realm: Realm) {
  const base = { door: doorOf[realm], auth: 'public', tags: [tagOf[realm]] } as const;
  return {
    login: {
      ...base,
      method: 'post',
      path: `/api/${realm}/auth/login`,
      summary: 'Sign in: an access and a refresh token',
      body: loginBody,
      status: 200,
      response: tokens,
      errors: [400, 401],
    },
    refresh: {
      ...base,
      method: 'post',
      path: `/api/${realm}/auth/refresh`,
      summary: 'Renew the tokens (the refresh token rotates)',
      body: refreshBody,
      status: 200,
      response: tokens,
      errors: [400, 401],
    },
    logout: {
      ...base,
      method: 'post',
      path: `/api/${realm}/auth/logout`,
      summary: 'Revoke a refresh token',
      body: refreshBody,
      status: 204,
      errors: [400],
    },
  } satisfies Record<string, Operation>;
}

/** `/api/admin/session` and `/api/platform/session`: the web apps' cookie sessions (`x-csrf: 1`). */
function sessionOperations(realm: 'admin' | 'platform') {
  const base = { door: doorOf[realm], tags: [tagOf[realm]] } as const;
  const path = `/api/${realm}/session`;
  return {
    open: {
      ...base,
      method: 'post',
      path,
      auth: 'public',
      summary: 'Sign the web app in: the refresh token goes into the HttpOnly session cookie',
      body: loginBody,
      status: 200,
      response: sessionTokens,
      errors: [400, 401, 403],
    },
    refresh: {
      ...base,
      method: 'post',
      path: `${path}/refresh`,
      auth: 'session',
      summary: 'A fresh access token from the session cookie',
      status: 200,
      response: sessionTokens,
      errors: [401, 403],
    },
    close: {
      ...base,
      method: 'delete',
      path,
      auth: 'session',
      summary: 'Sign out: the session is revoked and its cookie cleared',
      status: 204,
      errors: [403],
    },
  } satisfies Record<string, Operation>;
}

const store = authOperations('store');
const admin = authOperations('admin');
const platform = authOperations('platform');
const adminSession = sessionOperations('admin');
const platformSession = sessionOperations('platform');

export const identityOperations = operations({
  registerCustomer: {
    method: 'post',
    path: '/api/store/auth/register',
    door: 'store',
    auth: 'public',
    tags: [tagOf.store],
    summary: 'Create a shopper account',
    body: registerBody,
    status: 201,
    response: registered,
    errors: [400, 409],
  },
  customerLogin: store.login,
  customerRefresh: store.refresh,
  customerLogout: store.logout,
  staffLogin: admin.login,
  staffRefresh: admin.refresh,
  staffLogout: admin.logout,
  platformLogin: platform.login,
  platformRefresh: platform.refresh,
  platformLogout: platform.logout,
  adminSessionOpen: adminSession.open,
  adminSessionRefresh: adminSession.refresh,
  adminSessionClose: adminSession.close,
  platformSessionOpen: platformSession.open,
  platformSessionRefresh: platformSession.refresh,
  platformSessionClose: platformSession.close,
  customerProfile: {
    method: 'get',
    path: '/api/store/me',
    door: 'store',
    auth: 'customer',
    tags: [tagOf.store],
    summary: 'The signed-in shopper',
    status: 200,
    response: customerProfile,
    errors: [404],
  },
  staffProfile: {
    method: 'get',
    path: '/api/admin/me',
    door: 'store',
    auth: 'staff',
    tags: [tagOf.admin],
    summary: 'The signed-in staff member',
    status: 200,
    response: staffProfile,
    errors: [404],
  },
  platformAdminProfile: {
    method: 'get',
    path: '/api/platform/me',
    door: 'console',
    auth: 'platform_admin',
    tags: [tagOf.platform],
    summary: 'The signed-in platform admin',
    status: 200,
    response: platformAdminProfile,
    errors: [404],
  },
});

export type Tokens = z.infer<typeof tokens>;
export type SessionTokens = z.infer<typeof sessionTokens>;
export type StaffProfile = z.infer<typeof staffProfile>;
export type PlatformAdminProfile = z.infer<typeof platformAdminProfile>;
