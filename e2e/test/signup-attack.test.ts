import { randomUUID } from 'node:crypto';
import type { HostResponse } from '@fleet/testing';
import { DOMAIN, startPlatform, type Platform } from './platform-harness';
import { startGatewayFor, type InProcessGateway } from './in-process-gateway';

// Issue 13, item 2, as an outsider sends it: POST /api/signup on the apex through the gateway.
// Sign-up used to answer an existing slug + owner email with 409 `owner_exists` for a wrong
// password and 201 with the owner's token for the right one: a password oracle without lockout.
let p: Platform;
let g: InProcessGateway;

beforeAll(async () => {
  p = await startPlatform('signup_attack');
  g = await startGatewayFor(p);
});

afterAll(async () => {
  await g.close();
  await p.close();
});

const owner = { email: 'owner@target.test', password: 'target-password-1' };
const signUpBody = (email: string, password: string, slug = 'target') => ({
  storeName: 'Target',
  slug,
  email,
  password,
  currency: 'USD',
  country: 'US',
});
const signUp = (body: unknown, idempotencyKey?: string) =>
  g.at(DOMAIN, '/api/signup', {
    body,
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  });

/** What the outsider can compare: status, content type and the problem without its instance. */
const visible = (res: HostResponse) => {
  const { instance: _instance, ...problem } = res.json<Record<string, unknown>>();
  return { status: res.status, contentType: res.headers['content-type'], problem };
};

test('guessing the owner password through sign-up never yields a token, and answers never differ', async () => {
  const merchantKey = randomUUID();
  const created = await signUp(signUpBody(owner.email, owner.password), merchantKey);
  expect(created.status).toBe(201);
  const token = created.json<{ accessToken: string }>().accessToken;

  const guesses = ['12345678', 'password1', 'letmein-1', owner.password]; // the last one is right
  const answers: HostResponse[] = [];
  for (const guess of guesses) answers.push(await signUp(signUpBody(owner.email, guess)));
  for (const guess of guesses) answers.push(await signUp(signUpBody(owner.email, guess), randomUUID()));
  // A stranger's email on the same slug: "slug taken" must look exactly like "owner exists".
  answers.push(await signUp(signUpBody('someone@else.test', 'another-pass-1')));

  const seen = answers.map(visible);
  for (const answer of seen) expect(answer).toEqual(seen[0]);
  expect(seen[0]).toMatchObject({
    status: 409,
    contentType: expect.stringContaining('application/problem+json'),
    problem: { code: 'slug_taken' },
  });
  for (const res of answers) expect(res.text).not.toMatch(/accessToken|refreshToken|eyJ/);

  // The merchant's own retry (same key, same body) still gets the first answer, through the gateway.
  const replay = await signUp(signUpBody(owner.email, owner.password), merchantKey);
  expect(replay.status).toBe(201);
  expect(replay.headers['idempotent-replayed']).toBe('true');
  expect(replay.json<{ accessToken: string }>().accessToken).toBe(token);
  // ... and the key with another body (a guess riding on a stolen key) is a 409 without a token.
  const reused = await signUp(signUpBody(owner.email, 'guess-on-key-1'), merchantKey);
  expect(reused.status).toBe(409);
  expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
  expect(reused.text).not.toMatch(/accessToken|eyJ/);
});

test('the owner signs in on the store door only, where the login lockout applies', async () => {
  const login = (password: string) =>
    g.at('target.fleet.test', '/api/admin/auth/login', { body: { email: owner.email, password } });
  expect((await login(owner.password)).status).toBe(200);
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await login(`wrong-${i}-password`)).status);
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses[5]).toBe(429);
  // Sign-up offers no way around it: still 409 and no token with the right password.
  const res = await signUp(signUpBody(owner.email, owner.password));
  expect(res.status).toBe(409);
  expect(res.text).not.toMatch(/accessToken/);
});
