import { CONSUMER_QUEUES } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { consumerQueueNames, type Broker } from '@fleet/messaging';

/** What the dead-letter console needs of the broker (tests and main.ts pass the real one). */
export type DeadLetterBroker = Pick<Broker, 'listDeadLetters' | 'replayDeadLetter' | 'discardDeadLetter'>;

export interface DeadLetterDeps {
  broker: DeadLetterBroker;
  /** `AMQP_PREFIX`: the consumer queues are `${prefix}${service}.${consumer}`. */
  amqpPrefix: string;
}

/** One durable consumer of the platform and its queue's full name. */
export interface DeadLetterSource {
  service: string;
  consumer: string;
  queue: string;
}

/** The platform's consumers (all of them, or one service's), in the catalogue's order. */
export function deadLetterSources(deps: DeadLetterDeps, service?: string): DeadLetterSource[] {
  return CONSUMER_QUEUES.filter((c) => !service || c.service === service).map((c) => ({
    ...c,
    queue: consumerQueueNames(deps.amqpPrefix, c.service, c.consumer).queue,
  }));
}

/** One consumer by name; an unknown one is a 404 (never a queue name taken from the request). */
export function deadLetterSource(deps: DeadLetterDeps, service: string, consumer: string): DeadLetterSource {
  const found = deadLetterSources(deps, service).find((s) => s.consumer === consumer);
  if (!found) {
    throw new AppError('not_found', `No consumer ${service}.${consumer} on this platform.`, {
      code: 'consumer_not_found',
    });
  }
  return found;
}

export function requireDeadLetters(deps: { deadLetters?: DeadLetterDeps }): DeadLetterDeps {
  if (!deps.deadLetters) {
    throw new AppError('unavailable', 'Dead letters are not reachable from this instance.', {
      code: 'dead_letters_unavailable',
    });
  }
  return deps.deadLetters;
}
