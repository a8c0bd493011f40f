import { createApi } from '@fleet/web-common';

/** The console's one client: the console host's platform API with the platform admin's session. */
export const api = createApi('/api/platform/session');

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'suspended';
  plan: string;
  currency: string;
  country: string;
  hosts: string[];
  createdAt: string;
}

export interface TenantDetail extends Tenant {
  usage: {
    orders: number;
    products: number;
    revenue: Array<{ currency: string; amount: number }>;
    apiCalls: { today: number; last30Days: number };
  };
}

export const PLANS = ['free', 'basic', 'pro', 'enterprise'] as const;
