import { checkingContract } from '@fleet/testing';
import type { Ctx } from '@fleet/context';
import {
  json,
  newTenant,
  service,
  startIdentity,
  type IdentityFixture,
  type Tokens,
} from './identity-fixture';

let identity: IdentityFixture;
beforeAll(async () => {
  identity = checkingContract(await startIdentity('id_team'), { bodyPosts: true });
});
afterAll(() => identity.close());

interface Member {
  id: string;
  email: string;
  name: string;
  role: string;
}
interface Team {
  members: Member[];
  invitations: Array<{ id: string; email: string; role: string }>;
}
interface Invited {
  id: string;
  email: string;
  role: string;
  token: string;
  acceptPath: string;
}
interface Problem {
  status: number;
  code: string;
  errors?: Array<{ path: string }>;
}

/** A store with its owner (made as sign-up makes it); `as` gives a staff member's context. */
async function store(): Promise<{ tenantId: string; owner: Member }> {
  const tenantId = newTenant();
  const res = await identity.call('/internal/staff', {
    body: { email: 'owner@shop.example', password: 'owner-pass-123', name: 'Olive', role: 'owner' },
    ctx: service(tenantId),
  });
  return { tenantId, owner: (await json<{ staff: Member }>(res)).staff };
}
const as = (tenantId: string, m: { id: string; role: string }): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'staff', id: m.id, roles: ['staff', m.role] },
});
const call = (ctx: Partial<Ctx>, path: string, method = 'GET', body?: unknown) =>
  identity.call(path, { ctx, method, body });

async function invite(tenantId: string, by: Member, email: string, role: string): Promise<Invited> {
  const res = await call(as(tenantId, by), '/api/admin/staff/invitations', 'POST', { email, role });
  expect(res.status).toBe(201);
  return json<Invited>(res);
}
const accept = (tenantId: string, token: string, name = 'Bob', password = 'bob-pass-1234') =>
  call({ tenantId }, '/api/admin/invitations/accept', 'POST', { token, name, password });

test('the owner invites by e-mail with a role; the link makes a member once; roles change; removal ends the sessions', async () => {
  const { tenantId, owner } = await store();
  const invited = await invite(tenantId, owner, 'Bob@Shop.example', 'staff');
  expect(invited).toMatchObject({ email: 'bob@shop.example', role: 'staff' });
  expect(invited.acceptPath).toBe(`/admin/accept#token=${invited.token}`);
  const pending = await json<Team>(await call(as(tenantId, owner), '/api/admin/staff'));
  expect(pending.invitations.map((i) => [i.email, i.role])).toEqual([['bob@shop.example', 'staff']]);
  expect(JSON.stringify(pending)).not.toContain(invited.token);

  const accepted = await accept(tenantId, invited.token);
  expect(accepted.status).toBe(201);
  const bob = await json<Member>(accepted);
  expect(bob).toMatchObject({ email: 'bob@shop.example', name: 'Bob', role: 'staff' });
  expect([(await accept(tenantId, invited.token)).status]).toEqual([404]);
  const login = await identity.call('/api/admin/auth/login', {
    body: { email: 'bob@shop.example', password: 'bob-pass-1234' },
    ctx: { tenantId },
  });
  expect(login.status).toBe(200);
  const { refreshToken } = await json<Tokens>(login);

  const team = await json<Team>(await call(as(tenantId, bob), '/api/admin/staff'));
  expect(team.members.map((m) => [m.email, m.role])).toEqual([
    ['owner@shop.example', 'owner'],
    ['bob@shop.example', 'staff'],
  ]);
  expect(team.invitations).toEqual([]);

  // Plain staff may look, not change.
  const refused = await call(as(tenantId, bob), '/api/admin/staff/invitations', 'POST', {
    email: 'eve@shop.example',
    role: 'admin',
  });
  expect([refused.status, (await json<Problem>(refused)).code]).toEqual([403, 'insufficient_role']);

  const promoted = await call(as(tenantId, owner), `/api/admin/staff/${bob.id}`, 'PATCH', { role: 'admin' });
  expect(await json<Member>(promoted)).toMatchObject({ id: bob.id, role: 'admin' });
  // The refresh after the change carries the new role.
  const refreshed = await identity.call('/api/admin/auth/refresh', {
    body: { refreshToken },
    ctx: { tenantId },
  });
  const next = await json<Tokens>(refreshed);
  expect((await identity.verify(next.accessToken)).roles).toEqual(['staff', 'admin']);

  // Nobody changes the owner, nor their own role.
  const asAdmin = as(tenantId, { id: bob.id, role: 'admin' });
  const onOwner = await call(asAdmin, `/api/admin/staff/${owner.id}`, 'DELETE');
  expect([onOwner.status, (await json<Problem>(onOwner)).code]).toEqual([409, 'owner_protected']);
  const onSelf = await call(asAdmin, `/api/admin/staff/${bob.id}`, 'PATCH', { role: 'staff' });
  expect([onSelf.status, (await json<Problem>(onSelf)).code]).toEqual([409, 'own_account']);

  expect((await call(as(tenantId, owner), `/api/admin/staff/${bob.id}`, 'DELETE')).status).toBe(204);
  const after = await identity.call('/api/admin/auth/refresh', {
    body: { refreshToken: next.refreshToken },
    ctx: { tenantId },
  });
  expect(after.status).toBe(401);
  const loginAgain = await identity.call('/api/admin/auth/login', {
    body: { email: 'bob@shop.example', password: 'bob-pass-1234' },
    ctx: { tenantId },
  });
  expect(loginAgain.status).toBe(401);
});

test('an invitation again replaces the first link; a cancelled one is gone; a member cannot be invited', async () => {
  const { tenantId, owner } = await store();
  const first = await invite(tenantId, owner, 'cat@shop.example', 'staff');
  const second = await invite(tenantId, owner, 'cat@shop.example', 'admin');
  expect((await accept(tenantId, first.token)).status).toBe(404);
  const team = await json<Team>(await call(as(tenantId, owner), '/api/admin/staff'));
  expect(team.invitations.map((i) => i.role)).toEqual(['admin']);
  expect(
    (await call(as(tenantId, owner), `/api/admin/staff/invitations/${second.id}`, 'DELETE')).status,
  ).toBe(204);
  expect((await accept(tenantId, second.token)).status).toBe(404);
  expect(
    (await call(as(tenantId, owner), `/api/admin/staff/invitations/${second.id}`, 'DELETE')).status,
  ).toBe(404);

  const taken = await call(as(tenantId, owner), '/api/admin/staff/invitations', 'POST', {
    email: 'OWNER@shop.example',
    role: 'staff',
  });
  expect([taken.status, (await json<Problem>(taken)).code]).toEqual([409, 'email_taken']);
});

test("another store's staff cannot see, change or accept into this store's team", async () => {
  const a = await store();
  const b = await store();
  const invited = await invite(a.tenantId, a.owner, 'dan@shop.example', 'staff');
  // B's owner, with B's context, sees only B's team; A's ids are not found there.
  const bTeam = await json<Team>(await call(as(b.tenantId, b.owner), '/api/admin/staff'));
  expect(bTeam.members.map((m) => m.id)).toEqual([b.owner.id]);
  expect(bTeam.invitations).toEqual([]);
  expect(
    (await call(as(b.tenantId, b.owner), `/api/admin/staff/invitations/${invited.id}`, 'DELETE')).status,
  ).toBe(404);
  // A's token on B's host is no invitation; on A's host it still works.
  expect((await accept(b.tenantId, invited.token)).status).toBe(404);
  const dan = await json<Member>(await accept(a.tenantId, invited.token));
  const moved = await call(as(b.tenantId, b.owner), `/api/admin/staff/${dan.id}`, 'PATCH', { role: 'admin' });
  expect([moved.status, (await json<Problem>(moved)).code]).toEqual([404, 'staff_not_found']);
  expect((await call(as(b.tenantId, b.owner), `/api/admin/staff/${dan.id}`, 'DELETE')).status).toBe(404);
  const aTeam = await json<Team>(await call(as(a.tenantId, a.owner), '/api/admin/staff'));
  expect(aTeam.members.find((m) => m.id === dan.id)?.role).toBe('staff');
  // Customers and anonymous callers are not staff.
  expect((await call({ tenantId: a.tenantId }, '/api/admin/staff')).status).toBe(403);
});

test('bad input is a 400 problem naming the fields, and changes nothing', async () => {
  const { tenantId, owner } = await store();
  const ctx = as(tenantId, owner);
  const paths = async (res: Response) => {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return (await json<Problem>(res)).errors?.map((e) => e.path).sort();
  };
  expect(
    await paths(await call(ctx, '/api/admin/staff/invitations', 'POST', { email: 'x', role: 'owner' })),
  ).toEqual(['email', 'role']);
  expect(await paths(await call(ctx, '/api/admin/staff/not-an-id', 'PATCH', { role: 'admin' }))).toEqual([
    'id',
  ]);
  expect(await paths(await accept(tenantId, 'inv_short', '', 'short'))).toEqual([
    'name',
    'password',
    'token',
  ]);
  const team = await json<Team>(await call(ctx, '/api/admin/staff'));
  expect([team.members.length, team.invitations.length]).toEqual([1, 0]);
});
