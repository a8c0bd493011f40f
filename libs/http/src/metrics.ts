import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { MetricsOptions } from './http-app.options';

const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface HttpMetrics {
  registry: Registry;
  requestDuration: Histogram<string>;
}

/** A registry of the app's own (never the global one), so several apps can share a process. */
export function createHttpMetrics(options: MetricsOptions = {}): HttpMetrics {
  const registry = new Registry();
  // The event-loop delay monitor wakes the process every `precision` ms even when idle; prom-client's
  // 10 ms made ~200 wake-ups a second per service. Stalls worth an alert are far longer than 100 ms.
  if (options.defaultMetrics !== false)
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });
  const extra = Object.keys(options.extraLabels ?? {});
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code', ...extra],
    buckets: options.buckets ?? DEFAULT_BUCKETS,
    registers: [registry],
  });
  return { registry, requestDuration };
}
