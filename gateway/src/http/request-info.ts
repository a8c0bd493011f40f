import type { IncomingMessage } from 'node:http';

/** Express's compiled `trust proxy` setting: may the hop at `index` (0 = our peer) be believed? */
export type TrustProxy = (address: string, index: number) => boolean;

/** The path of a request URL, without its query string. */
export function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The client's address as express's `req.ip` computes it (proxy-addr): start from our peer and
 * walk X-Forwarded-For from the right while the hop is a trusted proxy.
 */
export function clientAddressOf(req: IncomingMessage, trust: TrustProxy): string {
  const peer = req.socket.remoteAddress ?? '';
  const header = req.headers['x-forwarded-for'];
  if (!header || !trust(peer, 0)) return peer;
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',');
  let address = peer;
  for (let i = hops.length - 1, index = 1; i >= 0; i--, index++) {
    address = (hops[i] ?? '').trim();
    if (i === 0 || !trust(address, index)) break;
  }
  return address;
}

/** `http` or `https` as express's `req.protocol` computes it (X-Forwarded-Proto from a trusted peer). */
export function protocolOf(req: IncomingMessage, trust: TrustProxy): string {
  const own = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  if (!trust(req.socket.remoteAddress ?? '', 0)) return own;
  const header = req.headers['x-forwarded-proto'];
  const value = (Array.isArray(header) ? header[0] : header) ?? own;
  const comma = value.indexOf(',');
  return (comma === -1 ? value : value.slice(0, comma)).trim();
}
