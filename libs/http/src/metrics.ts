import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { MetricsOptions } from './http-app.options';

const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface HttpMetrics {
  registry: Registry;
  /** The process's CPU, memory, event-loop and GC metrics, when the app shows them. */
  processRegistry?: Registry;
  requestDuration: Histogram<string>;
}

let processRegistry: Registry | undefined;

/**
 * Process metrics are collected once per process, however many apps it serves (the host runs
 * ten): each collection adds its own GC observer and event-loop timer. That timer wakes the process
 * every `precision` ms even when idle; prom-client's 10 ms made ~200 wake-ups a second per
 * service. Stalls worth an alert are far longer than 100 ms.
 */
function sharedProcessRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 100 });
  }
  return processRegistry;
}

/** A registry of the app's own (never the global one), so several apps can share a process. */
export function createHttpMetrics(options: MetricsOptions = {}): HttpMetrics {
  const registry = new Registry();
  const extra = Object.keys(options.extraLabels ?? {});
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code', ...extra],
    buckets: options.buckets ?? DEFAULT_BUCKETS,
    registers: [registry],
  });
  const shown = options.defaultMetrics !== false ? sharedProcessRegistry() : undefined;
  return { registry, processRegistry: shown, requestDuration };
}
