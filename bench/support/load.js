// autocannon with a Host header (and path) chosen per request, so one run spreads over many stores.
const autocannon = require('autocannon');

function load({ url, connections = 50, durationS = 8, pick, method = 'GET', body, headers = {} }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: durationS,
        requests: [
          {
            method,
            body,
            setupRequest(req) {
              const picked = pick();
              const request = {
                ...req,
                path: picked.path,
                headers: { ...req.headers, ...headers, host: picked.host },
              };
              return picked.body === undefined ? request : { ...request, body: picked.body };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

/** Only 2xx answers count as throughput; rejected ones (429 from a plan's limit, 5xx) are reported. */
function summary(result) {
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

module.exports = { load, summary };
