import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** The identity service's customer sign-in (`/api/store/auth/*`, `/api/store/me`). */
export function createIdentityClient(caller: InternalCaller) {
  return {
    register: (
      ctx: CallCtx,
      input: { email: string; password: string; name: string },
    ): Promise<Answer<Tokens>> => caller.call(ctx, { path: '/api/store/auth/register', body: input }),
    login: (ctx: CallCtx, input: { email: string; password: string }): Promise<Answer<Tokens>> =>
      caller.call(ctx, { path: '/api/store/auth/login', body: input }),
    logout: (ctx: CallCtx, refreshToken: string): Promise<Answer> =>
      caller.call(ctx, { path: '/api/store/auth/logout', body: { refreshToken } }),
  };
}

export type IdentityClient = ReturnType<typeof createIdentityClient>;
