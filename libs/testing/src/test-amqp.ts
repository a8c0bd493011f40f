import { uniqueName } from './run-id';

export const TEST_AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A RabbitMQ exchange/queue prefix unique to this test file: `t_<run>_<label>_<rand>.` */
export function testAmqpPrefix(label: string): string {
  return `${uniqueName(label)}.`;
}
