import { freePorts } from '@fleet/testing';

export interface ProcessPlatform {
  urlOf(name: string): string;
  env(name: string): Record<string, string>;
  stop(): Promise<void>;
}

// The platform exactly as `npm start` runs it: every service its own process from dist/ (built by
// `npm test`'s pretest), on free ports, with its own databases, Redis prefix and RabbitMQ prefix.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPlatform } = require('../../bench/support/platform') as {
  startPlatform(options: {
    ports: Record<string, number>;
    env: Record<string, Record<string, string>>;
  }): Promise<ProcessPlatform>;
};

const SERVICES = [
  'tenancy',
  'identity',
  'catalog',
  'search',
  'inventory',
  'payment',
  'order',
  'cart',
  'checkout',
  'gateway',
];

/** Every service on a free port; `env` adds variables per service. */
export async function startProcessPlatform(
  env: Record<string, Record<string, string>> = {},
): Promise<ProcessPlatform> {
  const ports = await freePorts(SERVICES.length);
  return startPlatform({
    ports: Object.fromEntries(SERVICES.map((n, i) => [n, ports[i] as number])),
    env,
  });
}
