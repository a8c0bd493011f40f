import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type KeyLike } from 'jose';

export const TEST_ISSUER = 'http://identity.fleet.test';

export interface SignOptions {
  /** Seconds from now; negative for an expired token. Default 300. */
  expiresIn?: number;
  issuer?: string;
  audience?: string;
  /** Sign with a key the JWKS does not publish (same kid): the signature cannot verify. */
  foreignKey?: boolean;
}

/**
 * A stand-in for the identity service's JWKS endpoint: an RSA key of its own, its public half
 * served at `/.well-known/jwks.json`, and helpers that sign access tokens the way identity does.
 */
export interface TestIssuer {
  url: string;
  issuer: string;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  customer(tenantId: string, options?: SignOptions): Promise<string>;
  staff(tenantId: string, options?: SignOptions): Promise<string>;
  platformAdmin(options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const own = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(own.publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' }] };
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function sign(claims: JWTPayload, options: SignOptions = {}): Promise<string> {
    const key: KeyLike = options.foreignKey ? foreign.privateKey : own.privateKey;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ typ: 'access', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-1' })
      .setIssuer(options.issuer ?? TEST_ISSUER)
      .setAudience(options.audience ?? 'fleet')
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 300))
      .sign(key);
  }

  return {
    url,
    issuer: TEST_ISSUER,
    jwksFetches: () => fetches,
    sign,
    customer: (tid, o) => sign({ sub: 'cus_1', tid, roles: ['customer'] }, o),
    staff: (tid, o) => sign({ sub: 'stf_1', tid, roles: ['staff', 'owner'] }, o),
    platformAdmin: (o) => sign({ sub: 'adm_1', roles: ['platform_admin'] }, o),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
