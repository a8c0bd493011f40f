import { useState } from 'react';
import {
  ConfirmButton,
  Field,
  Link,
  Loading,
  navigate,
  Page,
  ProblemAlert,
  useLoad,
} from '@fleet/web-common';
import { api, refOf, type DeadLetter, type DeadLetterRef } from '../api';

/** One dead letter: where and why it failed, the message itself; replay it or discard it with a reason. */
export function DeadLetterPage({ letter }: { letter: DeadLetterRef }) {
  const { service, consumer, messageId } = letter;
  const { data, error, loading } = useLoad(
    () =>
      api.request<DeadLetter>(
        'GET',
        `/api/platform/dead-letters/${service}/${consumer}/${encodeURIComponent(messageId)}`,
      ),
    [service, consumer, messageId],
  );
  return (
    <Page title={data?.eventType ? `Dead letter: ${data.eventType}` : 'Dead letter'}>
      <p>
        <Link to="/dead-letters">← All dead letters</Link>
      </p>
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="the dead letter" />}
      {data && <Detail letter={data} />}
    </Page>
  );
}

function Detail({ letter }: { letter: DeadLetter }) {
  const [reason, setReason] = useState('');
  const replay = async () => {
    await api.request('POST', '/api/platform/dead-letters/replay', { body: { letters: [refOf(letter)] } });
    navigate('/dead-letters?done=replayed');
  };
  const discard = async () => {
    await api.request('POST', '/api/platform/dead-letters/discard', {
      body: { ...refOf(letter), reason: reason.trim() },
    });
    navigate('/dead-letters?done=discarded');
  };
  return (
    <>
      <dl className="facts">
        <dt>Consumer</dt>
        <dd>
          {letter.service}.{letter.consumer}
        </dd>
        <dt>Event type</dt>
        <dd>{letter.eventType ?? 'unknown (malformed message)'}</dd>
        <dt>Store</dt>
        <dd>{letter.tenantId ? <Link to={`/tenants/${letter.tenantId}`}>{letter.tenantId}</Link> : '—'}</dd>
        <dt>Message id</dt>
        <dd>
          <code>{letter.messageId}</code>
        </dd>
        <dt>Attempts</dt>
        <dd>{letter.attempts ?? 'unknown'}</dd>
        <dt>Failed</dt>
        <dd>{letter.failedAt ? new Date(letter.failedAt).toLocaleString() : 'unknown'}</dd>
      </dl>
      <section className="card" aria-labelledby="error-h">
        <h2 id="error-h">Error</h2>
        <pre className="message" data-testid="dead-letter-error">
          {letter.error}
        </pre>
      </section>
      <section className="card" aria-labelledby="message-h">
        <h2 id="message-h">Message</h2>
        <pre className="message">
          {letter.envelope ? JSON.stringify(letter.envelope, null, 2) : letter.body}
        </pre>
      </section>
      <div className="actions">
        <ConfirmButton
          label="Replay"
          title="Replay this dead letter?"
          message="It goes back to its consumer for a fresh round of attempts; the inbox skips it if it was applied already."
          onConfirm={replay}
        />
        <ConfirmButton
          label="Discard"
          title="Discard this dead letter?"
          message="It leaves the queue for good; the message is kept with your reason in the discarded list."
          danger
          onConfirm={discard}
        >
          <Field
            label="Reason"
            name="reason"
            required
            minLength={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            hint="Why it will never be needed (kept with the record)"
          />
        </ConfirmButton>
      </div>
    </>
  );
}
