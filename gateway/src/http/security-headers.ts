/**
 * The headers helmet sets through createHttpApp (helmet 8 defaults, no CSP), for the answers the
 * gateway writes itself on its proxy path, which does not run the express chain. A test holds
 * them equal to what helmet sends on the gateway's own ops routes, so they cannot drift apart.
 */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];
