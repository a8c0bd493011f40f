import { z } from 'zod';

/**
 * What the public API knows of a payment provider: its name and the credentials form a merchant
 * fills in (`PUT /api/admin/settings/payments`, checked strictly before anything reaches the
 * provider). Zod only, so the gateway and the web apps can read it without any provider's SDK.
 */
export interface ProviderForm<Name extends string = string, Credentials extends z.ZodType = z.ZodType> {
  readonly name: Name;
  /** The `credentials` field of the settings form; `optional()` when the provider needs none. */
  readonly credentials: Credentials;
}

/** Keeps the name's literal type, so the list in `providers.ts` yields the name union. */
export function defineProviderForm<const Name extends string, Credentials extends z.ZodType>(
  form: ProviderForm<Name, Credentials>,
): ProviderForm<Name, Credentials> {
  return form;
}

/** A credentials field of a settings form: trimmed, bounded, of the provider's own format. */
export const keyField = (pattern: RegExp, what: string) => z.string().trim().max(500).regex(pattern, what);
