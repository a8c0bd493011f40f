export { createHttpApp, createOpsApp, type OpsAppOptions } from './create-http-app';
export type { HttpAppOptions, MetricLabelFn, MetricsOptions, ReadinessCheck } from './http-app.options';
export { getMetricsRegistry, isShuttingDown, markShuttingDown } from './app-state';
export { getRequestContext, setRequestContext } from './request-context';
export { isValidRequestId, REQUEST_ID_HEADER } from './request-id.middleware';
export { routePatternOf, UNMATCHED_ROUTE } from './route-pattern';
export { errorMiddleware } from './error.middleware';
export { notFoundMiddleware } from './not-found.middleware';
export { fromBodyParserError } from './body-parser-error';
export { instanceOf, problemFor, sendProblem } from './problem-response';
export { parseBody, parseParams, parseQuery } from './validate';
export { runReadinessChecks, type CheckOutcome, type ReadinessReport } from './readiness';
export {
  startHttpServer,
  type RunningHttpServer,
  type ServiceStartOptions,
  type StartHttpServerOptions,
} from './start-http-server';
export type { ShutdownHook } from './graceful-shutdown';
export * from './run-main';
export {
  createServiceClient,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceRequest,
} from './service-client/create-service-client';
export type {
  ServiceFailure,
  ServiceResult,
  ServiceUnavailable,
  UnavailableReason,
  UpstreamProblem,
} from './service-client/service-result';
export {
  CircuitOpenError,
  createBreaker,
  DEFAULT_BREAKER_OPTIONS,
  type Breaker,
  type BreakerHooks,
  type BreakerOptions,
  type CircuitState,
} from './service-client/circuit-breaker';
export { isConnectionError, isTimeout, retryDelayMs } from './service-client/failure-kinds';
// Tracing is set up by each service's start with one line: `startTelemetry('<service>', env)`.
export { flushTelemetry, startTelemetry } from '@fleet/telemetry';
export { serviceCounter, serviceRegistry, sourcedGauge } from '@fleet/telemetry';
export { trackBreaker } from './service-client/breaker-metrics';
export type { Sample } from '@fleet/telemetry';
