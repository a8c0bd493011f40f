'use strict';
// Deletes what one platform run declared on RabbitMQ: every consumer's queue, its retry queues and
// its dead-letter queue, and the run's exchanges, over one AMQP connection. Names follow the
// topology (`@fleet/messaging`) and the platform's consumer list (`@fleet/contracts`), so nothing
// needs listing (AMQP cannot list queues, and `rabbitmqctl` costs an Erlang VM start per call).
const amqp = require('amqplib');
const { CONSUMER_QUEUES } = require('@fleet/contracts');
const { consumerQueueNames, exchangeNames } = require('@fleet/messaging');

/** More than any consumer's retry queues (maxAttempts defaults to 5); a missing queue is no error. */
const MAX_RETRY_QUEUES = 10;

async function deleteBrokerTopology(url, prefix) {
  const connection = await amqp.connect(url);
  try {
    let channel = await connection.createChannel();
    const attempt = async (op) => {
      try {
        await op(channel);
      } catch {
        // A refused delete closes the channel: open another and go on (best effort).
        channel = await connection.createChannel();
      }
    };
    for (const { service, consumer } of CONSUMER_QUEUES) {
      const names = consumerQueueNames(prefix, service, consumer);
      const queues = [names.queue, names.dlq];
      for (let n = 1; n <= MAX_RETRY_QUEUES; n++) queues.push(names.retry(n));
      for (const queue of queues) await attempt((c) => c.deleteQueue(queue));
    }
    const { events, dlx } = exchangeNames(prefix);
    for (const exchange of [events, dlx]) await attempt((c) => c.deleteExchange(exchange));
  } finally {
    await connection.close().catch(() => undefined);
  }
}

module.exports = { deleteBrokerTopology };
