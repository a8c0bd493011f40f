import Redis from 'ioredis';
import { uniqueName } from './run-id';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  url: string;
  /** Every key this test file writes starts with it. */
  prefix: string;
  client: Redis;
  cleanup(): Promise<void>;
}

export async function createTestRedis(label: string): Promise<TestRedis> {
  const prefix = `${uniqueName(label)}:`;
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await client.connect();
  return {
    url: REDIS_URL,
    prefix,
    client,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await client.quit();
    },
  };
}
