import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** The identity service's customer sign-in, password reset and verification (`/api/store/auth/*`). */
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
    /** 202 whether or not the account exists. */
    requestPasswordReset: (ctx: CallCtx, email: string): Promise<Answer> =>
      caller.call(ctx, { path: '/api/store/auth/password-reset', body: { email } }),
    resetPassword: (ctx: CallCtx, input: { token: string; password: string }): Promise<Answer> =>
      caller.call(ctx, { path: '/api/store/auth/password-reset/confirm', body: input }),
    verifyEmail: (ctx: CallCtx, token: string): Promise<Answer> =>
      caller.call(ctx, { path: '/api/store/auth/verify-email', body: { token } }),
  };
}

export type IdentityClient = ReturnType<typeof createIdentityClient>;
