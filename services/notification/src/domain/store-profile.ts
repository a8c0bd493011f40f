/** The store's branding as e-mails use it; read from the registry, cleaned for safe use in HTML and CSS. */
export interface StoreProfile {
  name: string;
  /** `#rrggbb` (or `#rgb`): anything else falls back to the platform's colour. */
  primaryColor: string;
  /** An absolute http(s) URL, or null. */
  logoUrl: string | null;
  /** The store's home page, e.g. `https://acme.example.com` (no trailing slash). */
  url: string;
}

/** What the registry answers (`GET /internal/store-profile`). */
export interface RegistryStoreProfile {
  name: string;
  theme?: { primaryColor?: unknown; logoUrl?: unknown };
  storeUrl: string;
}

export const DEFAULT_COLOR = '#1f4fd8';

export function toStoreProfile(raw: RegistryStoreProfile): StoreProfile {
  const color = raw.theme?.primaryColor;
  const logo = raw.theme?.logoUrl;
  return {
    name: raw.name,
    primaryColor:
      typeof color === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : DEFAULT_COLOR,
    logoUrl: typeof logo === 'string' && /^https?:\/\/[^\s"'<>]+$/i.test(logo) ? logo : null,
    url: raw.storeUrl.replace(/\/+$/, ''),
  };
}

export interface StoreProfiles {
  /** The tenant's profile (cached); throws when the registry cannot answer (the job retries). */
  get(tenantId: string): Promise<StoreProfile>;
  forget(tenantId: string): void;
  clear(): void;
}
