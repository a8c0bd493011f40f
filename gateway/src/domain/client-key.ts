import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client is rate-limited by: its IPv4 address, or the /64 network of its IPv6 address
 * (one subscriber gets a whole /64 and can use any address in it, so counting per address would
 * give one client 2^64 budgets). IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what a dual-stack socket
 * reports) counts as the IPv4 address. Anything else (no address) is one shared key.
 */
export function clientKeyOf(ip: string): string {
  // IPv4, as sockets and trusted proxies give it: the hot path, no parsing.
  if (!ip.includes(':') && isIPv4(ip)) return ip;
  const cached = recent.get(ip);
  if (cached !== undefined) return cached;
  const key = keyOf(ip);
  if (recent.size >= MAX_RECENT) recent.clear();
  recent.set(ip, key);
  return key;
}

/** IPv6 keys of recent addresses (parsing one costs microseconds); bounded, cleared when full. */
const recent = new Map<string, string>();
const MAX_RECENT = 10_000;

function keyOf(ip: string): string {
  const address = ip.trim().replace(/%.*$/, ''); // zone id of a link-local address
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, lower-case hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const part = (s: string) => (s ? s.split(':') : []);
  const withV4 = (groups: string[]) => {
    const last = groups.at(-1);
    if (!last || !isIPv4(last)) return groups;
    const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number);
    return [...groups.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  const left = withV4(part(head));
  const right = tail === undefined ? [] : withV4(part(tail));
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
