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
/** The store's team (`/api/admin/staff`): members, invitations, and accepting one. */
const staffRole = z.enum(['owner', 'admin', 'staff']);
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

export const staffMember = z.looseObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRole,
  joinedAt: timestamp,
});
export const staffInvitation = z.looseObject({
  id: z.string(),
  email: z.string(),
  role: invitedRole,
  invitedBy: z.string(),
  expiresAt: timestamp,
  createdAt: timestamp,
});
export const staffTeam = z.looseObject({
  members: z.array(staffMember),
  invitations: z.array(staffInvitation),
});
/** The one-time token is in this answer only: the inviter passes the link on (no mail is sent). */
export const issuedInvitation = staffInvitation.extend({ token: z.string(), acceptPath: z.string() });

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

const team = { door: 'store', auth: 'staff', tags: ['Admin: staff'] } as const;

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
  staffTeam: {
    ...team,
    method: 'get',
    path: '/api/admin/staff',
    summary: 'The store’s members and pending invitations',
    status: 200,
    response: staffTeam,
    errors: [],
  },
  inviteStaff: {
    ...team,
    method: 'post',
    path: '/api/admin/staff/invitations',
    summary: 'Invite someone with a role (owner and admins): the answer carries the one-time token',
    description: 'Inviting the same e-mail again replaces the earlier invitation.',
    body: inviteBody,
    status: 201,
    response: issuedInvitation,
    errors: [400, 403, 409],
  },
  cancelInvitation: {
    ...team,
    method: 'delete',
    path: '/api/admin/staff/invitations/{id}',
    summary: 'Cancel a pending invitation (owner and admins)',
    params: invitationParams,
    status: 204,
    errors: [400, 403, 404],
  },
  changeStaffRole: {
    ...team,
    method: 'patch',
    path: '/api/admin/staff/{id}',
    summary: 'Give a member another role (owner and admins; never the owner nor oneself)',
    params: staffParams,
    body: roleBody,
    status: 200,
    response: staffMember,
    errors: [400, 403, 404, 409],
  },
  removeStaff: {
    ...team,
    method: 'delete',
    path: '/api/admin/staff/{id}',
    summary: 'Remove a member and revoke their sessions (owner and admins)',
    params: staffParams,
    status: 204,
    errors: [400, 403, 404, 409],
  },
  acceptInvitation: {
    method: 'post',
    path: '/api/admin/invitations/accept',
    door: 'store',
    auth: 'public',
    tags: ['Admin: staff'],
    summary: 'Accept an invitation: the invited person becomes staff with the invited role',
    description:
      'The one-time token is the credential; it works once, on its store’s host, until it expires.',
    body: acceptBody,
    status: 201,
    response: staffMember,
    errors: [400, 404, 409],
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
export type StaffMember = z.infer<typeof staffMember>;
export type StaffInvitation = z.infer<typeof staffInvitation>;
export type StaffTeam = z.infer<typeof staffTeam>;
export type IssuedInvitation = z.infer<typeof issuedInvitation>;
