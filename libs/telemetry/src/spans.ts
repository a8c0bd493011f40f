import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { tracerOf, tracingOn } from './tracing';

export type Carrier = Record<string, unknown>;

const getter = {
  keys: (carrier: Carrier) => Object.keys(carrier),
  get(carrier: Carrier, key: string): string | undefined {
    const value = carrier[key];
    if (typeof value === 'string') return value;
    if (Buffer.isBuffer(value)) return value.toString();
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    return undefined;
  },
};

/** The span attribute every span of a tenant's work carries. */
export const TENANT_ATTRIBUTE = 'tenant.id';

/** A span this lib started; `end` records the outcome. */
export interface OpenSpan {
  span: Span;
  context: Context;
}

function parentFrom(carrier: Carrier | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier, getter) : context.active();
}

/**
 * Starts a span of `service`, a child of the trace context in `carrier` (message or request
 * headers: `traceparent`) or else of the active span. Undefined when tracing is off.
 */
export function openSpan(
  service: string,
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  carrier?: Carrier,
): OpenSpan | undefined {
  if (!tracingOn) return undefined;
  const tracer = tracerOf(service);
  if (!tracer) return undefined;
  const parent = parentFrom(carrier);
  const span = tracer.startSpan(name, { kind, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `fn` with `open` as the active span (or just runs it when there is none). */
export function withOpenSpan<T>(open: OpenSpan | undefined, fn: () => T): T {
  return open ? context.with(open.context, fn) : fn();
}

/** Ends the span; an error marks it failed. */
export function endSpan(open: OpenSpan | undefined, error?: unknown): void {
  if (!open) return;
  if (error !== undefined) {
    open.span.recordException(error instanceof Error ? error : String(error));
    open.span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
  }
  open.span.end();
}

/** Runs `fn` in a new span that ends when it settles. */
export async function inSpan<T>(
  service: string,
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  fn: () => Promise<T>,
  carrier?: Carrier,
): Promise<T> {
  const open = openSpan(service, name, kind, attributes, carrier);
  if (!open) return fn();
  try {
    const value = await context.with(open.context, fn);
    endSpan(open);
    return value;
  } catch (err) {
    endSpan(open, err);
    throw err;
  }
}

/** Adds `traceparent` (and `tracestate`) of the active span, or of `open`, to outgoing headers. */
export function injectTraceHeaders(headers: Record<string, unknown>, open?: OpenSpan): void {
  if (!tracingOn) return;
  propagation.inject(open?.context ?? context.active(), headers);
}

/** The active span's `traceparent`, to keep with work that leaves later (an outbox row). */
export function currentTraceparent(): string | undefined {
  if (!tracingOn) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** Tags the active span with the tenant it works for. */
export function tagTenant(tenantId: string | undefined): void {
  if (!tracingOn || !tenantId) return;
  trace.getActiveSpan()?.setAttribute(TENANT_ATTRIBUTE, tenantId);
}

export { SpanKind };

/** Names a SERVER span by its route, records the status and tenant, and ends it. */
export function endRequestSpan(
  open: OpenSpan,
  done: { method: string; route: string; statusCode: number; tenantId?: string },
): void {
  open.span.updateName(`${done.method} ${done.route}`);
  open.span.setAttributes({ 'http.route': done.route, 'http.response.status_code': done.statusCode });
  if (done.tenantId) open.span.setAttribute(TENANT_ATTRIBUTE, done.tenantId);
  endSpan(open, done.statusCode >= 500 ? new Error(`status ${done.statusCode}`) : undefined);
}
