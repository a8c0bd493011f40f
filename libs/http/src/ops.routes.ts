import type { Express, Response } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '@fleet/logger';
import { PROBLEM_CONTENT_TYPE } from '@fleet/errors';
import { isShuttingDown, getMetricsRegistry } from './app-state';
import type { ReadinessCheck } from './http-app.options';
import { instanceOf } from './problem-response';
import { runReadinessChecks, type CheckOutcome } from './readiness';

export interface OpsRoutesOptions {
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
  readinessTimeoutMs: number;
  /** Process metrics shared by every app of the process, shown after the app's own. */
  processMetrics?: Registry;
}

function notReady(res: Response, instance: string, code: string, detail: string, checks?: object): void {
  const body = {
    type: `https://errors.fleet.dev/${code}`,
    title: 'Service unavailable',
    status: 503,
    detail,
    code,
  };
  res
    .status(503)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...body, instance, ...(checks ? { checks } : {}) }));
}

function failedNames(checks: Record<string, CheckOutcome>): string[] {
  return Object.entries(checks)
    .filter(([, outcome]) => outcome !== 'ok')
    .map(([name]) => name);
}

/** `GET /healthz` (process up), `GET /readyz` (dependencies reachable), `GET /metrics`. */
export function registerOpsRoutes(app: Express, options: OpsRoutesOptions): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (req, res) => {
    if (isShuttingDown(app))
      return notReady(res, instanceOf(req), 'shutting_down', 'The service is shutting down.');
    const report = await runReadinessChecks(options.readiness, options.readinessTimeoutMs);
    if (report.ok) return void res.json({ status: 'ok', checks: report.checks });
    const failed = failedNames(report.checks);
    options.logger.warn({ checks: report.checks, errors: report.errors }, 'readiness checks failed');
    notReady(
      res,
      instanceOf(req),
      'not_ready',
      `Readiness checks failed: ${failed.join(', ')}.`,
      report.checks,
    );
  });

  app.get('/metrics', async (_req, res) => {
    const registry = getMetricsRegistry(app);
    const parts = [await registry.metrics()];
    if (options.processMetrics) parts.push(await options.processMetrics.metrics());
    res.type(registry.contentType).send(parts.join('\n'));
  });
}
