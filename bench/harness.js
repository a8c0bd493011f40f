// Tiny benchmark helpers shared by the cases: closed-loop load with N concurrent workers, and
// interleaved rounds so that a baseline and its subject see the same machine noise.

/** Runs `op` from `concurrency` loops for `durationMs`; returns ops/s and latency percentiles (ms). */
async function measure(op, { concurrency = 8, durationMs = 2000, warmupMs = 300 } = {}) {
  await runFor(op, concurrency, warmupMs, null);
  const latencies = [];
  const started = process.hrtime.bigint();
  await runFor(op, concurrency, durationMs, latencies);
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { opsPerSec: latencies.length / elapsedS, p50: pct(50), p99: pct(99), count: latencies.length };
}

async function runFor(op, concurrency, durationMs, latencies) {
  const deadline = Date.now() + durationMs;
  const worker = async () => {
    while (Date.now() < deadline) {
      const t0 = process.hrtime.bigint();
      await op();
      if (latencies) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Measures each named op in `rounds` interleaved rounds and keeps each op's median round,
 * so a burst of noise from other tenants of the machine hits both sides alike.
 */
async function compare(ops, { rounds = 3, ...options } = {}) {
  const samples = Object.fromEntries(Object.keys(ops).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, op] of Object.entries(ops)) samples[name].push(await measure(op, options));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      list.sort((a, b) => a.opsPerSec - b.opsPerSec);
      return [name, list[Math.floor(list.length / 2)]];
    }),
  );
}

module.exports = { measure, compare };
