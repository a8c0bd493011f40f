import { randomBytes } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import type { ProviderCredentials, ProviderName } from '@fleet/payment-providers';
import {
  findActiveSettings,
  findProviderSettings,
  insertActiveSettings,
  type PaymentSettingsRow,
} from '../../data-access/payment-settings.repository';
import type { PaymentDeps } from '../payment-deps';

/** A tenant's configuration of one provider, with its credentials decrypted (never leaves the service). */
export interface ProviderAccount {
  provider: ProviderName;
  credentials: ProviderCredentials;
}

type CipherDeps = Pick<PaymentDeps, 'cipher'>;

/** Binds sealed credentials to their row: they do not open under another tenant or provider. */
const aadOf = (tenantId: string, provider: ProviderName) => `payment_settings:${tenantId}:${provider}`;

/**
 * The provider new payments of this tenant start with. A tenant that never configured one gets
 * `offline` with its own random webhook secret, created on first use.
 */
export async function activeProviderAccount(
  tx: Queryable,
  ctx: TenantCtx,
  deps: CipherDeps,
): Promise<ProviderAccount> {
  const found = await findActiveSettings(tx);
  if (found) return openAccount(ctx, deps, found);
  await insertActiveSettings(tx, ctx.tenantId, {
    provider: 'offline',
    public_key_id: null,
    credentials_sealed: sealCredentials(ctx, deps, 'offline', newOfflineCredentials()),
  });
  const created = await findActiveSettings(tx);
  if (!created) throw new AppError('internal', 'The tenant has payment settings but none is active.');
  return openAccount(ctx, deps, created);
}

/** The offline provider needs no keys, only a webhook secret of its own per tenant. */
export function newOfflineCredentials(): ProviderCredentials {
  return {
    publicKeyId: null,
    webhookSecret: `whsec_off_${randomBytes(32).toString('base64url')}`,
    secrets: {},
  };
}

/** Seals a tenant's secrets for its `payment_settings` row (the public key id is stored in clear). */
export function sealCredentials(
  ctx: TenantCtx,
  deps: CipherDeps,
  provider: ProviderName,
  credentials: ProviderCredentials,
): string {
  const sealed = JSON.stringify({ webhookSecret: credentials.webhookSecret, secrets: credentials.secrets });
  return deps.cipher.seal(sealed, aadOf(ctx.tenantId, provider));
}

/** The tenant's account with one provider (in-flight payments finish on theirs), if configured. */
export async function providerAccount(
  tx: Queryable,
  ctx: TenantCtx,
  deps: CipherDeps,
  provider: ProviderName,
): Promise<ProviderAccount | undefined> {
  const row = await findProviderSettings(tx, provider);
  return row && openAccount(ctx, deps, row);
}

export async function requireProviderAccount(
  tx: Queryable,
  ctx: TenantCtx,
  deps: CipherDeps,
  provider: ProviderName,
): Promise<ProviderAccount> {
  const account = await providerAccount(tx, ctx, deps, provider);
  if (!account) {
    throw new AppError('internal', `The tenant has no credentials for its payment provider ${provider}.`);
  }
  return account;
}

function openAccount(ctx: TenantCtx, deps: CipherDeps, row: PaymentSettingsRow): ProviderAccount {
  const opened = JSON.parse(deps.cipher.open(row.credentials_sealed, aadOf(ctx.tenantId, row.provider))) as {
    webhookSecret: string;
    secrets?: Record<string, string>;
  };
  return {
    provider: row.provider,
    credentials: {
      publicKeyId: row.public_key_id,
      webhookSecret: opened.webhookSecret,
      secrets: opened.secrets ?? {},
    },
  };
}
