import type { Message } from 'amqplib';
import { InMemorySpanExporter, inSpan, SpanKind, startTelemetry, stopTelemetry } from '@fleet/telemetry';
import { createEnvelope, type EventEnvelope } from '../src';
import { traceConsume, tracePublish } from '../src/tracing';
import { tenantA } from './fixtures';

/**
 * The trace context's path through the outbox and RabbitMQ, without the broker: the envelope keeps
 * the raising span's traceparent, the publish span continues it into the message header, and the
 * consumer's span continues the header (the broker tests carry real messages; this checks links).
 */
const exporter = new InMemorySpanExporter();
beforeAll(() => {
  startTelemetry('producer-svc', {}, { exporter });
  startTelemetry('consumer-svc', {}, { exporter });
});
afterAll(() => stopTelemetry());

const asMessage = (headers: Record<string, unknown>) => ({ properties: { headers } }) as unknown as Message;

test('raise, publish and consume are one chain of spans, with the tenant on each', async () => {
  let envelope: EventEnvelope | undefined;
  await inSpan('producer-svc', 'POST /things', SpanKind.SERVER, {}, async () => {
    envelope = createEnvelope(tenantA, { type: 'things.made', data: {} });
  });
  expect(envelope?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  const headers: Record<string, unknown> = {};
  tracePublish('producer-svc', envelope as EventEnvelope, headers);
  expect(headers.traceparent).toMatch(/^00-/);
  expect(headers.traceparent).not.toBe(envelope?.traceparent);
  await traceConsume(
    'consumer-svc',
    'q.things',
    asMessage(headers),
    envelope as EventEnvelope,
    async () => 1,
  );

  const spans = exporter.getFinishedSpans();
  const [request, publish, consume] = ['POST /things', 'publish things.made', 'process things.made'].map(
    (n) => spans.find((s) => s.name === n),
  );
  expect(publish?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
  expect(consume?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
  expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
  expect(consume?.resource.attributes['service.name']).toBe('consumer-svc');
  expect([publish, consume].map((s) => s?.attributes['tenant.id'])).toEqual([
    tenantA.tenantId,
    tenantA.tenantId,
  ]);
});

test("a message without the header is continued from the envelope's traceparent", async () => {
  exporter.reset();
  const envelope = createEnvelope(tenantA, { type: 'things.moved', data: {} });
  expect(envelope.traceparent).toBeUndefined(); // raised outside any span
  const carried = { ...envelope, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
  await traceConsume('consumer-svc', 'q.things', asMessage({}), carried, async () => 1);
  const consume = exporter.getFinishedSpans().find((s) => s.name === 'process things.moved');
  expect(consume?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  expect(consume?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
});
