import type { IncomingHttpHeaders } from 'node:http';
import { Router, type RequestHandler } from 'express';
import { AppError } from '@fleet/errors';
import { parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { z } from 'zod';
import { PASS_TTL_SECONDS, type JobDashboardPasses } from '../data-access/job-dashboard-passes';
import { assertPlatformAdmin } from './guards';

/** The `/queues` cookie: HttpOnly, SameSite=Strict, host-only, sent to `/queues` and nothing else. */
const PASS_COOKIE = 'fleet_queues';
const BASE = '/queues';

const enterQuery = z.strictObject({ ticket: z.string().min(20).max(100) });

/**
 * The job dashboard (bull-board) behind a platform admin's session. The console's access token
 * lives in memory, so a plain link cannot carry it: the console asks for a one-use ticket with
 * its token (`POST /api/platform/queues/ticket`), then opens `/queues/enter?ticket=…`, which trades
 * it for a 30-minute pass in an HttpOnly cookie scoped to `/queues`. Without a valid pass every
 * `/queues` path answers 401 problem+json, never the dashboard.
 */
export function jobDashboardRoutes(deps: { passes: JobDashboardPasses; dashboard: RequestHandler }): Router {
  const router = Router();

  router.post('/api/platform/queues/ticket', async (_req, res) => {
    const ctx = requestCtx(res);
    assertPlatformAdmin(ctx);
    const ticket = await deps.passes.issueTicket(ctx.actor?.id ?? 'unknown');
    res.status(201).json({ url: `${BASE}/enter?ticket=${encodeURIComponent(ticket)}`, expiresInSeconds: 30 });
  });

  router.get(`${BASE}/enter`, async (req, res) => {
    const { ticket } = parseQuery(enterQuery, req);
    const pass = await deps.passes.redeemTicket(ticket);
    if (!pass) throw refused('This ticket was used or has expired: open the job dashboard from the console.');
    res.setHeader('set-cookie', passCookie(pass, PASS_TTL_SECONDS, isHttps(req.headers)));
    res.setHeader('cache-control', 'no-store');
    res.redirect(303, `${BASE}/`);
  });

  router.use(BASE, async (req, _res, next) => {
    const pass = cookieOf(req.headers, PASS_COOKIE);
    if (!pass || !(await deps.passes.adminOfPass(pass))) {
      throw refused('The job dashboard needs a platform admin session: open it from the console.');
    }
    next();
  });
  router.use(BASE, deps.dashboard);
  return router;
}

const refused = (detail: string) =>
  new AppError('unauthenticated', detail, { code: 'dashboard_pass_required' });

function passCookie(value: string, maxAge: number, secure: boolean): string {
  const parts = [
    `${PASS_COOKIE}=${value}`,
    `Path=${BASE}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

function cookieOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const pair of (headers.cookie ?? '').split(';')) {
    const [key, ...rest] = pair.split('=');
    if (key?.trim() === name) return rest.join('=').trim() || undefined;
  }
  return undefined;
}

/** The gateway sets the scheme the client used (it drops any inbound value). */
const isHttps = (headers: IncomingHttpHeaders): boolean => headers['x-forwarded-proto'] === 'https';
