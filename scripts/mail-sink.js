// The development mail sink `npm start` runs: a real SMTP server (the same stand-in the tests use,
// libs/testing/src/stand-ins/smtp-sink.ts) and a small page that lists what it received, so the
// platform's e-mails (order confirmations, password resets...) can be read without a mail provider.
// Mail lives in memory only, at most the last 500 messages.
const http = require('node:http');
const path = require('node:path');

const KEEP = 500;

const escapeHtml = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function listPage(received) {
  const rows = received
    .map((m, i) => ({ m, i }))
    .reverse()
    .map(
      ({ m, i }) =>
        `<tr><td>${escapeHtml(m.receivedAt.toISOString())}</td><td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/mail/${i}">${escapeHtml(m.subject || '(no subject)')}</a></td>` +
        `<td><a href="/mail/${i}/text">text</a></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Fleet mail sink</title><style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}</style></head><body>
<h1>Mail sent by Fleet (${received.length})</h1><p>Newest first. Reload to see new mail.</p>
<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Plain text</th></tr></thead><tbody>${
    rows || '<tr><td colspan="4">No mail yet.</td></tr>'
  }</tbody></table></body></html>`;
}

/** Starts the sink; resolves with its URLs. */
async function startMailSink({ smtpPort, webPort, host = '127.0.0.1' }) {
  const { startSmtpSink } = require(path.join(__dirname, '../libs/testing/dist/stand-ins/smtp-sink'));
  const sink = await startSmtpSink({ port: smtpPort, host });
  const web = http.createServer((req, res) => {
    if (sink.received.length > KEEP) sink.received.splice(0, sink.received.length - KEEP);
    const match = /^\/mail\/(\d+)(\/text)?$/.exec(req.url || '');
    const mail = match && sink.received[Number(match[1])];
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listPage(sink.received));
    } else if (mail && match[2]) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(mail.text);
    } else if (mail) {
      // The e-mail's own HTML, sandboxed: no script runs, nothing reaches this page's origin.
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': 'sandbox' })
        .end(mail.html || `<pre>${escapeHtml(mail.text)}</pre>`);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    web.once('error', reject);
    web.listen(webPort, host, resolve);
  });
  return {
    smtpUrl: sink.url,
    webUrl: `http://${host === '0.0.0.0' ? 'localhost' : host}:${webPort}/`,
    close: async () => {
      web.close();
      await sink.close();
    },
  };
}

module.exports = { startMailSink };
