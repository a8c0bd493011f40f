import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/** A ticket lives long enough for the browser to follow one redirect; a pass, one working session. */
export const TICKET_TTL_SECONDS = 30;
export const PASS_TTL_SECONDS = 30 * 60;

/**
 * Tickets (one use) and passes (the `/queues` cookie) of the job dashboard, in Redis under the
 * deployment's prefix. Only a hash of each secret is stored, so a Redis dump opens nothing.
 */
export interface JobDashboardPasses {
  /** A one-use ticket for this platform admin, to be traded for a pass within 30 s. */
  issueTicket(adminId: string): Promise<string>;
  /** The pass the ticket buys (the ticket is gone after this, used or not), or undefined. */
  redeemTicket(ticket: string): Promise<string | undefined>;
  /** The admin a pass belongs to, while it is valid. */
  adminOfPass(pass: string): Promise<string | undefined>;
}

export function jobDashboardPasses(redis: Redis, redisPrefix: string): JobDashboardPasses {
  const key = (kind: 'ticket' | 'pass', secret: string) =>
    `${redisPrefix}queues:${kind}:${createHash('sha256').update(secret).digest('hex')}`;
  const secret = () => randomBytes(32).toString('base64url');
  return {
    async issueTicket(adminId) {
      const ticket = secret();
      await redis.set(key('ticket', ticket), adminId, 'EX', TICKET_TTL_SECONDS);
      return ticket;
    },
    async redeemTicket(ticket) {
      const adminId = await redis.getdel(key('ticket', ticket));
      if (!adminId) return undefined;
      const pass = secret();
      await redis.set(key('pass', pass), adminId, 'EX', PASS_TTL_SECONDS);
      return pass;
    },
    async adminOfPass(pass) {
      return (await redis.get(key('pass', pass))) ?? undefined;
    },
  };
}
