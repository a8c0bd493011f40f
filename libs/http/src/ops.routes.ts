import type { Express, Response } from 'express';
import type { Logger } from '@fleet/logger';
import { PROBLEM_CONTENT_TYPE } from '@fleet/errors';
import {
  getMetricsRegistry,
  getProcessMetricsRegistry,
  getServiceMetricsRegistry,
  isShuttingDown,
} from './app-state';
import type { ReadinessCheck } from './http-app.options';
import { instanceOf } from './problem-response';
import { runReadinessChecks, type CheckOutcome } from './readiness';

export interface OpsRoutesOptions {
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
  readinessTimeoutMs: number;
  /** The app whose shutdown state and metrics are reported (default: the app itself). */
  source?: Express;
  /** `healthz`: only `/healthz` (an app on a public port); default all three. */
  only?: 'healthz';
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
  const source = options.source ?? app;
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (options.only === 'healthz') return;

  app.get('/readyz', async (req, res) => {
    if (isShuttingDown(source))
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
    const registry = getMetricsRegistry(source);
    const parts = [await registry.metrics()];
    const serviceMetrics = getServiceMetricsRegistry(source);
    if (serviceMetrics) parts.push(await serviceMetrics.metrics());
    const processMetrics = getProcessMetricsRegistry(source);
    if (processMetrics) parts.push(await processMetrics.metrics());
    res.type(registry.contentType).send(parts.join('\n'));
  });
}
