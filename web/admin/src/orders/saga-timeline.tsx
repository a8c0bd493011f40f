import type { OrderDetail, SagaEvent } from '../api';

/** How the saga's stored events read to a merchant; anything else is shown as the service said it. */
const EVENT_TEXT: Record<string, string> = {
  created: 'created',
  started: 'started',
  succeeded: 'done',
  moved: 'reached',
  extended: 'waiting longer',
  retry: 'will be retried',
  failed: 'failed, needs you',
};

const stepText = (step: string) => step.replaceAll('_', ' ');

/**
 * The checkout saga's steps as a timeline, from the history the order service stores with the
 * saga (newest last). The current step and its state head it.
 */
export function SagaTimeline({ saga }: { saga: NonNullable<OrderDetail['saga']> }) {
  const events: SagaEvent[] = saga.history ?? [];
  return (
    <section className="card" aria-labelledby="saga">
      <h2 id="saga">Checkout steps</h2>
      <p>
        Now: <strong data-testid="saga-step">{stepText(saga.step)}</strong>, {saga.status}
        {saga.attempts ? <span className="muted"> (attempt {saga.attempts})</span> : null}
      </p>
      {saga.lastError && <p className="field-error">Last error: {saga.lastError}</p>}
      {events.length === 0 ? (
        <p className="muted">No steps recorded yet.</p>
      ) : (
        <ol className="timeline" data-testid="saga-timeline">
          {events.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>: {stepText(e.step)}{' '}
              <strong>{EVENT_TEXT[e.event] ?? e.event}</strong>
              {e.attempt && e.attempt > 1 ? <span className="muted"> (attempt {e.attempt})</span> : null}
              {e.detail && <span className="muted"> — {e.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
