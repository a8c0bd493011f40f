import type { Message } from 'amqplib';
import { endSpan, inSpan, injectTraceHeaders, openSpan, SpanKind, TENANT_ATTRIBUTE } from '@fleet/telemetry';
import type { EventEnvelope } from './envelope';

/**
 * A PRODUCER span for one publish, a child of the span that raised the event (kept in the
 * envelope through the outbox), whose context goes out in the message's `traceparent` header.
 */
export function tracePublish(
  service: string,
  envelope: EventEnvelope,
  headers: Record<string, unknown>,
): void {
  const span = openSpan(
    service,
    `publish ${envelope.type}`,
    SpanKind.PRODUCER,
    {
      [TENANT_ATTRIBUTE]: envelope.tenantId,
      'messaging.system': 'rabbitmq',
      'messaging.message.id': envelope.id,
    },
    { traceparent: envelope.traceparent },
  );
  injectTraceHeaders(headers, span);
  endSpan(span);
}

/** Runs a consumer's handling in a CONSUMER span, a child of the message's `traceparent`. */
export function traceConsume<T>(
  service: string,
  queue: string,
  message: Message,
  envelope: EventEnvelope,
  handle: () => Promise<T>,
): Promise<T> {
  const headers = message.properties.headers ?? {};
  const carrier = headers.traceparent ? headers : { traceparent: envelope.traceparent };
  const attributes = {
    [TENANT_ATTRIBUTE]: envelope.tenantId,
    'messaging.system': 'rabbitmq',
    'messaging.destination.name': queue,
    'messaging.message.id': envelope.id,
  };
  return inSpan(service, `process ${envelope.type}`, SpanKind.CONSUMER, attributes, handle, carrier);
}
