// Issue 3: what the gateway costs. The same trivial upstream (a bare node http server answering a
// small JSON) is loaded directly and through the gateway, in interleaved rounds of the same run:
// throughput with autocannon at 50 connections, latency to the microsecond with a keep-alive
// client, and the CPU each process spends per request. The gateway runs in its own process,
// wired as in production (support/gateway-process.js); the upstream runs in another.
const http = require('node:http');
const path = require('node:path');
const { fork } = require('node:child_process');
const autocannon = require('autocannon');
const { compare } = require('../harness');

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S || 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const PATH = '/api/store/info';

/** A child process that reports `{ready}` once listening and answers 'cpu', 'stats' and 'stop'. */
function start(script, args = []) {
  const child = fork(path.join(__dirname, 'support', script), args, {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const ask = (question, key) =>
    new Promise((resolve) => {
      const onMessage = (m) => {
        if (m && m[key] !== undefined) {
          child.off('message', onMessage);
          resolve(m[key]);
        }
      };
      child.on('message', onMessage);
      child.send(question);
    });
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.send('stop');
    });
  return { ready, ask, stop };
}

function load(url, headers, options = {}) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: url + PATH, connections: CONNECTIONS, duration: DURATION_S, headers, ...options },
      (err, result) => {
        if (err) return reject(err);
        if (result.non2xx || result.errors || result.timeouts)
          return reject(
            new Error(
              `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ` +
                `(status codes ${JSON.stringify(result.statusCodeStats)})`,
            ),
          );
        resolve(result);
      },
    );
  });
}

/** One GET over a keep-alive connection, for the harness to time to the microsecond. */
function getter(url, headers) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const { hostname, port } = new URL(url);
  const op = () =>
    new Promise((resolve, reject) => {
      const req = http.get({ hostname, port, path: PATH, agent, headers }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
    });
  op.close = () => agent.destroy();
  return op;
}

const cpuMicros = (a, b) => b.user + b.system - (a.user + a.system);
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const ms = (v) => `${v.toFixed(3)} ms`;

module.exports = async function gatewayOverhead() {
  const upstream = start('trivial-upstream.js');
  const { url: upstreamUrl } = await upstream.ready;
  const gateway = start('gateway-process.js', [upstreamUrl]);
  try {
    const { url: gatewayUrl, host, token } = await gateway.ready;
    // Warm-up: JIT, keep-alive pools. One request first resolves the tenant via the registry: 50
    // connections opening at once on a host the process does not know yet would spend one client's
    // unknown-host allowance (UNKNOWN_HOST_LIMIT, a burst of 30) and be answered 429.
    const first = getter(gatewayUrl, { host });
    await first();
    first.close();
    await load(upstreamUrl, {}, { duration: 1 });
    await load(gatewayUrl, { host }, { duration: 1 });
    const before = await gateway.ask('stats', 'stats');

    const rounds = { direct: [], gateway: [], gatewayCpu: [], upstreamCpu: [] };
    for (let r = 0; r < ROUNDS; r++) {
      rounds.direct.push(await load(upstreamUrl, {}));
      const [g0, u0] = [await gateway.ask('cpu', 'cpu'), await upstream.ask('cpu', 'cpu')];
      const g = await load(gatewayUrl, { host });
      const [g1, u1] = [await gateway.ask('cpu', 'cpu'), await upstream.ask('cpu', 'cpu')];
      rounds.gateway.push(g);
      rounds.gatewayCpu.push(cpuMicros(g0, g1) / g.requests.total);
      rounds.upstreamCpu.push(cpuMicros(u0, u1) / g.requests.total);
    }
    const authed = await load(gatewayUrl, { host, authorization: `Bearer ${token}` });
    // Latency to the microsecond, unsaturated: one request at a time, then 8 at a time.
    const direct = getter(upstreamUrl, {});
    const viaGateway = getter(gatewayUrl, { host });
    const ops = { direct, gateway: viaGateway };
    const one = await compare(ops, { concurrency: 1, durationMs: 2000, rounds: 3 });
    const eight = await compare(ops, { concurrency: 8, durationMs: 2000, rounds: 3 });
    direct.close();
    viaGateway.close();
    const after = await gateway.ask('stats', 'stats');

    const rps = (list) => median(list.map((r) => r.requests.average));
    const directRps = rps(rounds.direct);
    const gatewayRps = rps(rounds.gateway);
    const latencyRow = (name, m) => ({
      name,
      value: `p50 ${ms(m.gateway.p50)} (+${ms(m.gateway.p50 - m.direct.p50)}), p99 ${ms(m.gateway.p99)}`,
      baseline: `p50 ${ms(m.direct.p50)}, p99 ${ms(m.direct.p99)} direct`,
      ratio: m.gateway.p50 / m.direct.p50,
      target: '< 1 ms added',
    });
    return [
      {
        name: `gateway throughput vs direct (${CONNECTIONS} connections, median of ${ROUNDS} x ${DURATION_S} s)`,
        value: `${Math.round(gatewayRps)} req/s (${((100 * gatewayRps) / directRps).toFixed(0)}% of direct)`,
        baseline: `${Math.round(directRps)} req/s direct`,
        ratio: directRps / gatewayRps,
        target: '>= 80% of direct (<= 1.25x)',
      },
      {
        // autocannon counts latency in whole milliseconds; with a closed loop of N connections
        // the mean latency is exactly N / throughput (Little's law).
        name: `added mean latency, saturated (${CONNECTIONS} connections: ${CONNECTIONS} / throughput)`,
        value: `${ms((1000 * CONNECTIONS) / gatewayRps)} (+${ms((1000 * CONNECTIONS) / gatewayRps - (1000 * CONNECTIONS) / directRps)})`,
        baseline: `${ms((1000 * CONNECTIONS) / directRps)} direct`,
        ratio: directRps / gatewayRps,
        target: 'info',
      },
      latencyRow('added median latency, one request at a time (keep-alive)', one),
      latencyRow('added median latency, 8 requests at a time', eight),
      {
        name: 'CPU per request: gateway process vs the upstream process',
        value: `${median(rounds.gatewayCpu).toFixed(1)} µs`,
        baseline: `${median(rounds.upstreamCpu).toFixed(1)} µs (trivial upstream)`,
        ratio: median(rounds.gatewayCpu) / median(rounds.upstreamCpu),
        target: 'info',
      },
      {
        name: 'through the gateway with a bearer token (verified once, then cached)',
        value: `${Math.round(authed.requests.average)} req/s`,
        baseline: `${Math.round(gatewayRps)} req/s public route`,
        ratio: gatewayRps / authed.requests.average,
        target: 'info',
      },
      {
        name: 'registry fetches while measuring (tenant cache hits only)',
        value: String(after.fetches - before.fetches),
        baseline: `${after.resolver.hits - before.resolver.hits} cache hits`,
        ratio: NaN,
        target: '0',
      },
    ];
  } finally {
    await gateway.stop().catch(() => undefined);
    await upstream.stop().catch(() => undefined);
  }
};
