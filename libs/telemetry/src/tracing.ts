import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

/** The variables tracing reads (a service's whole env may be passed). */
export interface TelemetryEnv {
  /** OTLP/HTTP base URL (`http://collector:4318`); traces go to `<base>/v1/traces`. Unset: off. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** The full traces URL, when it is not `<base>/v1/traces`. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  /** Share of new traces kept, 0-1 (a caller's sampling decision is followed). Default 1. */
  OTEL_TRACES_SAMPLER_ARG?: string;
  /** Longest wait before a batch of finished spans is sent, ms. Default 2000. */
  OTEL_BSP_SCHEDULE_DELAY?: string;
}

export interface TelemetryOptions {
  /**
   * Sends spans here instead of OTLP, synchronously as each ends (tests: an in-memory exporter).
   * Turns tracing on whatever the environment says.
   */
  exporter?: SpanExporter;
}

interface ServiceTracing {
  tracer: Tracer;
  provider: BasicTracerProvider;
}

/** One provider per service, so a process that runs several (the host) names each span's service. */
const services = new Map<string, ServiceTracing>();
let globalsSet = false;
let contextManager: AsyncLocalStorageContextManager | undefined;

/**
 * True once some service in this process turned tracing on. Every helper of this lib checks it
 * first and returns at once when false: without an endpoint, tracing costs one branch per call.
 */
export let tracingOn = false;

function otlpUrl(env: TelemetryEnv): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

function ratioOf(env: TelemetryEnv): number {
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? '1');
  return Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 1;
}

function setGlobals(): void {
  if (globalsSet) return;
  contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  globalsSet = true;
}

/**
 * Turns tracing on for `service` when `OTEL_EXPORTER_OTLP_ENDPOINT` (or a test's exporter) is
 * given; otherwise does nothing at all. Each service's start calls it once, first thing.
 * Returns whether spans of this service are recorded.
 */
export function startTelemetry(
  service: string,
  env: TelemetryEnv = process.env,
  options: TelemetryOptions = {},
): boolean {
  if (services.has(service)) return true;
  const url = otlpUrl(env);
  if (!url && !options.exporter) return false;
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url }), {
        scheduledDelayMillis: Number(env.OTEL_BSP_SCHEDULE_DELAY ?? '') || 2_000,
        maxQueueSize: 4_096,
      });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'fleet' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratioOf(env)) }),
    spanProcessors: [processor],
  });
  setGlobals();
  services.set(service, { tracer: provider.getTracer('@fleet/telemetry'), provider });
  tracingOn = true;
  return true;
}

/** The tracer of `service`, or undefined when that service does not trace. */
export function tracerOf(service: string): Tracer | undefined {
  return services.get(service)?.tracer;
}

/** Sends what is buffered (a test waits for it; shutdown calls it). */
export async function flushTelemetry(): Promise<void> {
  await Promise.all([...services.values()].map((s) => s.provider.forceFlush()));
}

/** Flushes and stops every provider of this process; tracing is off afterwards. */
export async function stopTelemetry(): Promise<void> {
  const all = [...services.values()];
  services.clear();
  tracingOn = false;
  await Promise.all(all.map((s) => s.provider.shutdown()));
  if (globalsSet) {
    trace.disable();
    context.disable();
    propagation.disable();
    contextManager = undefined;
    globalsSet = false;
  }
}

/** Whether any service of this process records spans. */
export function isTracing(): boolean {
  return tracingOn;
}
