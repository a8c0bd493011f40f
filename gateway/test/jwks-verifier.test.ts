import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAppError } from '@fleet/errors';
import { identityVerifier } from '../src/data-access/token-verifiers';
import { startTestIssuer } from './token-issuer';

test('an issuer whose keys cannot be fetched is a 503, not an invalid token', async () => {
  const issuer = await startTestIssuer();
  const token = await issuer.customer('ten_a');
  await issuer.close();
  const verifier = identityVerifier({ kind: 'identity', url: issuer.url, issuer: issuer.issuer });
  const failure = await verifier.verify(token).catch((err: unknown) => err);
  expect(isAppError(failure) && failure.code).toBe('identity_unavailable');
});

test('a JWKS endpoint answering an error is a 503 as well', async () => {
  const broken = createServer((_req, res) => res.writeHead(500).end('oops'));
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  const issuer = await startTestIssuer();
  const verifier = identityVerifier({
    kind: 'identity',
    url: `http://127.0.0.1:${(broken.address() as AddressInfo).port}`,
    issuer: issuer.issuer,
  });
  const failure = await verifier.verify(await issuer.customer('ten_a')).catch((err: unknown) => err);
  expect(isAppError(failure) && failure.code).toBe('identity_unavailable');
  await issuer.close();
  await new Promise((resolve) => broken.close(resolve));
});
