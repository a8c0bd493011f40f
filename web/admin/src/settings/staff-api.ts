import { api } from '../api';

export type StaffRole = 'owner' | 'admin' | 'staff';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Exclude<StaffRole, 'owner'>;
  expiresAt: string;
}

export interface Team {
  members: Member[];
  invitations: Invitation[];
}

/** The answer to an invitation: the one-time link, shown once. */
export interface Invited extends Invitation {
  token: string;
  acceptPath: string;
}

export const ROLES = [
  ['staff', 'Staff: products, orders, inventory'],
  ['admin', 'Admin: also settings and staff'],
] as const;

export const staffApi = {
  team: () => api.request<Team>('GET', '/api/admin/staff'),
  invite: (email: string, role: string) =>
    api.request<Invited>('POST', '/api/admin/staff/invitations', { body: { email, role } }),
  cancel: (id: string) => api.request<void>('DELETE', `/api/admin/staff/invitations/${id}`),
  changeRole: (id: string, role: string) =>
    api.request<Member>('PATCH', `/api/admin/staff/${id}`, { body: { role } }),
  remove: (id: string) => api.request<void>('DELETE', `/api/admin/staff/${id}`),
  accept: (token: string, name: string, password: string) =>
    api.request<Member>('POST', '/api/admin/invitations/accept', { body: { token, name, password } }),
};
