import type { ConfirmChannel, Options } from 'amqplib';
import { toError } from './backoff';
import type { PublishOutcome } from './broker-types';

export interface OutgoingMessage {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
}

type Settled = 'pending' | 'confirmed' | Error;

/**
 * Publishes messages in order on one confirm channel without waiting between them (a channel keeps
 * publish order), then waits for every confirm. Reports how many LEADING messages were confirmed:
 * the caller may only treat those as sent, since a later one may be confirmed while an earlier
 * one was not. Writes start synchronously, in the caller's tick. Never rejects.
 */
export async function publishInOrder(
  channel: ConfirmChannel,
  messages: readonly OutgoingMessage[],
  confirmTimeoutMs: number,
): Promise<PublishOutcome> {
  const states: Settled[] = messages.map(() => 'pending');
  const confirmations: Array<Promise<void>> = [];
  for (const [i, message] of messages.entries()) {
    let onConfirm: (err: unknown) => void = () => undefined;
    const confirmation = new Promise<void>((resolve, reject) => {
      onConfirm = (err) => (err ? reject(toError(err)) : resolve());
    }).then(
      () => void (states[i] = 'confirmed'),
      (err: unknown) => void (states[i] = toError(err)),
    );
    let writable: boolean;
    try {
      writable = channel.publish(
        message.exchange,
        message.routingKey,
        message.content,
        message.options,
        onConfirm,
      );
    } catch (err) {
      // The channel is closing or closed: this one and the rest are not sent.
      states[i] = toError(err);
      break;
    }
    confirmations.push(confirmation);
    if (!writable) await drained(channel);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, confirmTimeoutMs)));
  await Promise.race([Promise.all(confirmations), timeout]);
  clearTimeout(timer);
  return outcome(states, confirmTimeoutMs);
}

function outcome(states: readonly Settled[], confirmTimeoutMs: number): PublishOutcome {
  let confirmed = 0;
  for (const state of states) {
    if (state === 'confirmed') confirmed += 1;
    else if (state === 'pending')
      return { confirmed, error: new Error(`no publisher confirm within ${confirmTimeoutMs} ms`) };
    else return { confirmed, error: state };
  }
  return { confirmed };
}

/** Waits until the channel's write buffer drains (or the channel closes). */
function drained(channel: ConfirmChannel): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      channel.off('drain', done);
      channel.off('close', done);
      resolve();
    };
    channel.on('drain', done);
    channel.on('close', done);
  });
}
