import { Router } from 'express';
import { parseBody, parseParams } from '@fleet/http';
import { guard, staffCtx, storeCtx } from '@fleet/tenancy';
import type { IdentityDeps } from '../domain/identity-deps';
import { acceptInvitation, cancelInvitation, inviteStaff } from '../domain/invitations';
import { changeRole, getTeam, removeMember } from '../domain/team';
import { acceptBody, invitationParams, inviteBody, roleBody, staffParams } from './schemas';

const STAFF = '/api/admin/staff';

/**
 * The store's team (merchant staff): members and invitations. Looking is for any staff member;
 * changes for the owner and admins. Accepting an invitation is public on the store's host: the
 * one-time token is the credential.
 */
export function staffRoutes(deps: IdentityDeps): Router {
  const router = Router();
  router.use(STAFF, guard(staffCtx));
  router.get(STAFF, async (_req, res) => {
    res.set('cache-control', 'no-store').json(await getTeam(staffCtx(res), deps));
  });
  router.post(`${STAFF}/invitations`, async (req, res) => {
    const { invitation, token } = await inviteStaff(staffCtx(res), deps, parseBody(inviteBody, req));
    res
      .set('cache-control', 'no-store')
      .status(201)
      .json({ ...invitation, token, acceptPath: `/admin/accept#token=${token}` });
  });
  router.delete(`${STAFF}/invitations/:id`, async (req, res) => {
    await cancelInvitation(staffCtx(res), deps, parseParams(invitationParams, req).id);
    res.status(204).end();
  });
  router.patch(`${STAFF}/:id`, async (req, res) => {
    const { id } = parseParams(staffParams, req);
    res.json(await changeRole(staffCtx(res), deps, id, parseBody(roleBody, req).role));
  });
  router.delete(`${STAFF}/:id`, async (req, res) => {
    await removeMember(staffCtx(res), deps, parseParams(staffParams, req).id);
    res.status(204).end();
  });
  router.post('/api/admin/invitations/accept', async (req, res) => {
    res.status(201).json(await acceptInvitation(storeCtx(res), deps, parseBody(acceptBody, req)));
  });
  return router;
}
