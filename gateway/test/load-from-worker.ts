import { Worker } from 'node:worker_threads';

export interface LoadResult {
  status: number;
  retryAfter: string | null;
  code: string | null;
}

/**
 * Plain JS run in the worker: GETs, `concurrency` at a time over keep-alive sockets, until
 * `untilLimited` of them were answered 429 (or `maxTotal` were sent).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, host, untilLimited, maxTotal, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const results = [];
let sent = 0;
let limited = 0;
const one = () => new Promise((resolve) => {
  const req = http.get(url, { agent, headers: { host } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      let code = null;
      if (res.statusCode === 429) {
        limited++;
        code = JSON.parse(Buffer.concat(chunks).toString()).code;
      }
      results.push({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null, code });
      resolve();
    });
  });
  req.on('error', () => { results.push({ status: 0, retryAfter: null, code: null }); resolve(); });
});
const loop = async () => {
  while (limited < untilLimited && sent < maxTotal) {
    sent++;
    await one();
  }
};
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage(results);
});
`;

/**
 * Sends load from a worker thread, so that generating it does not take the CPU of the test's own
 * event loop (where the gateway under test runs).
 */
export function loadFromWorker(
  url: string,
  host: string,
  load: { untilLimited: number; maxTotal: number; concurrency: number },
): Promise<LoadResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { url, host, ...load } });
    worker.once('message', (results: LoadResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
