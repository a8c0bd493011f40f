import Redis from 'ioredis';
import { uniqueName } from './run-id';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  url: string;
  /** Every key this test file writes starts with it. */
  prefix: string;
  client: Redis;
  /**
   * Deletes every key under this test's prefix and answers how many: what a FLUSHDB or a restart of
   * a Redis without persistence does to this test's data, without touching other tests' keys.
   */
  deleteKeys(): Promise<number>;
  cleanup(): Promise<void>;
}

export async function createTestRedis(label: string): Promise<TestRedis> {
  const prefix = `${uniqueName(label)}:`;
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await client.connect();
  const deleteKeys = async (): Promise<number> => {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) deleted += await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  };
  return {
    url: REDIS_URL,
    prefix,
    client,
    deleteKeys,
    async cleanup() {
      await deleteKeys();
      await client.quit();
    },
  };
}
