export { flushTelemetry, isTracing, startTelemetry, stopTelemetry, tracerOf } from './tracing';
export type { TelemetryEnv, TelemetryOptions } from './tracing';
export {
  currentTraceparent,
  endRequestSpan,
  endSpan,
  injectTraceHeaders,
  inSpan,
  openSpan,
  SpanKind,
  tagTenant,
  TENANT_ATTRIBUTE,
  withOpenSpan,
} from './spans';
export type { Carrier, OpenSpan } from './spans';
export { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
export type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
export { serviceCounter, serviceRegistry, sourcedGauge } from './service-metrics';
export type { GaugeSpec, Sample, Track } from './service-metrics';
