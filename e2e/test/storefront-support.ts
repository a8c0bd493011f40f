import { requestAs, type HostResponse } from '@fleet/testing';
import { frontDoor, ok, type ProcessPlatform, type Store } from './process-platform';

export interface SeededProduct {
  id: string;
  slug: string;
  title: string;
  variants: Array<{ id: string; title: string; price: number }>;
}

/** A product with two sizes (the large one on sale) in a new category, as the store's owner. */
export async function seedProduct(
  platform: ProcessPlatform,
  store: Store,
  title: string,
): Promise<SeededProduct> {
  const { call } = frontDoor(platform);
  const auth = { authorization: `Bearer ${store.token}` };
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const category = ok(
    await call(store.host, '/api/admin/categories', { headers: auth, body: { name: `${title} range` } }),
    201,
  ) as { id: string };
  const sku = slug.toUpperCase().slice(0, 12);
  return ok(
    await call(store.host, '/api/admin/products', {
      headers: auth,
      body: {
        title,
        description: `${title}: hand finished, made to last.`,
        categoryIds: [category.id],
        options: ['Size'],
        variants: [
          {
            sku: `${sku}-S`,
            title: 'Small',
            price: 3_900,
            currency: 'USD',
            stock: 20,
            options: { Size: 'Small' },
          },
          {
            sku: `${sku}-L`,
            title: 'Large',
            price: 5_900,
            compareAtPrice: 7_500,
            currency: 'USD',
            stock: 20,
            options: { Size: 'Large' },
          },
        ],
      },
    }),
    201,
  ) as SeededProduct;
}

/** A browser-less shopper on one host: keeps its cookies, posts forms with the page's CSRF token. */
export class Shopper {
  private cookies = new Map<string, string>();
  last: HostResponse | undefined;

  constructor(
    private readonly gateway: string,
    readonly host: string,
  ) {}

  async get(path: string): Promise<HostResponse> {
    this.last = await requestAs(this.host, `${this.gateway}${path}`, { headers: this.headers() });
    this.keep(this.last);
    return this.last;
  }

  /**
   * Posts `fields` plus the CSRF token of the last page (unless `_csrf` is given), with `headers`
   * a browser would add (`sec-fetch-site`, `origin`); none by default, as a client that is no browser.
   */
  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<HostResponse> {
    const body = new URLSearchParams({ _csrf: this.csrf(), ...fields }).toString();
    this.last = await requestAs(this.host, `${this.gateway}${path}`, {
      method: 'POST',
      headers: { ...this.headers(), ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    this.keep(this.last);
    return this.last;
  }

  csrf(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.last?.text ?? '')?.[1] ?? '';
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return cookie ? { cookie } : {};
  }

  private keep(res: HostResponse): void {
    const set = res.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
