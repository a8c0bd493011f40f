import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair } from 'jose';

export const REALM = 'fleet';

/**
 * A real OpenID provider (oidc-provider) laid out like a Keycloak realm: issuer
 * `http://127.0.0.1:<port>/realms/fleet`, keys at `/realms/fleet/protocol/openid-connect/certs`,
 * token endpoint beside them. Each client gets its access token through the client-credentials
 * grant, as a JWT (resource indicators) carrying the Keycloak-style claims set for that client.
 */
export interface KeycloakStandIn {
  /** KEYCLOAK_URL. */
  url: string;
  issuer: string;
  /** Sets the claims tokens of this client carry (`tenant_id`, `realm_access`, `typ`, ...). */
  setClaims(clientId: string, claims: Record<string, unknown>): void;
  /** An access token for the client, from the provider's token endpoint. */
  token(clientId: string): Promise<string>;
  close(): Promise<void>;
}

export interface StandInOptions {
  /** The realm, so the issuer path is `/realms/<realm>`; default `fleet`. */
  realm?: string;
  /** The `aud` of a client's tokens (Keycloak's audience mapper); default `fleet` for every client. */
  audienceOf?: (clientId: string) => string;
}

/** `clientIds`: the confidential clients (secret `secret`) allowed the client-credentials grant. */
export async function startKeycloakStandIn(
  clientIds: string[],
  { realm = REALM, audienceOf = () => 'fleet' }: StandInOptions = {},
): Promise<KeycloakStandIn> {
  // Loaded here, with its console notices (runtime and in-memory adapter warnings) silenced.
  const quiet = [jest.spyOn(console, 'warn'), jest.spyOn(console, 'info')].map((s) =>
    s.mockImplementation(() => undefined),
  );
  const { default: Provider } = await import('oidc-provider');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'kc-1', alg: 'RS256', use: 'sig' };
  const app = express();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${url}/realms/${realm}`;
  const claims = new Map<string, Record<string, unknown>>();
  const clients = clientIds.map((clientId) => ({
    client_id: clientId,
    client_secret: 'secret',
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
  }));

  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [jwk] },
    routes: { jwks: '/protocol/openid-connect/certs', token: '/protocol/openid-connect/token' },
    ttl: { ClientCredentials: 300 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'urn:fleet:api',
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx: { oidc: { client?: { clientId: string } } }) => ({
          scope: 'api',
          audience: audienceOf(ctx.oidc.client?.clientId ?? ''),
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { clientId?: string }) => ({
      sub: token.clientId,
      ...claims.get(token.clientId ?? ''),
    }),
  } as ConstructorParameters<typeof Provider>[1]);
  app.use(`/realms/${realm}`, provider.callback());
  quiet.forEach((s) => s.mockRestore());

  return {
    url,
    issuer,
    setClaims(clientId, tokenClaims) {
      claims.set(clientId, tokenClaims);
    },
    async token(clientId) {
      const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:secret`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
      const body = (await res.json()) as { access_token?: string; error?: string };
      if (!body.access_token) throw new Error(`no token for ${clientId}: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
