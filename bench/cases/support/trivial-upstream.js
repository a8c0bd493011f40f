// A bare node http server answering a small JSON: the upstream of bench/cases/gateway-overhead.js,
// run in its own process so that it has an event loop (and a core) of its own.
const http = require('node:http');

const body = JSON.stringify({ name: 'Bench store', currency: 'EUR', theme: { primaryColor: '#123456' } });
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.send({ ready: true, url: `http://127.0.0.1:${server.address().port}` });
});
process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
  if (message === 'stop') server.close(() => process.exit(0));
});
