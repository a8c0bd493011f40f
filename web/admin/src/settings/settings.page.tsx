import { useState, type FormEvent } from 'react';
import { Field, Loading, Page, ProblemAlert, Select, toMajorText, toMinor, useLoad } from '@fleet/web-common';
import {
  api,
  type Collection,
  type Page as ApiPage,
  type Rates,
  type StoreSettings,
  type ThemeFont,
} from '../api';
import { SettingsNav } from './settings-nav';
import { useSave } from './use-save';

/** The storefront's font stacks (system fonts, nothing downloaded): label, and a family for the preview. */
const FONTS: Record<ThemeFont, [string, string]> = {
  system: ['System sans-serif', 'system-ui, sans-serif'],
  serif: ['Classic serif', 'Georgia, serif'],
  rounded: ['Rounded', 'ui-rounded, sans-serif'],
  mono: ['Monospace', 'ui-monospace, monospace'],
};
const FONT_OPTIONS = Object.entries(FONTS).map(([value, [text]]) => [value, text] as const);

/** The store (name, theme) and its rates (shipping, tax, unpaid-order timeout). */
export function SettingsPage() {
  const { data, error, loading } = useLoad(async () => {
    const [store, rates, collections] = await Promise.all([
      api.request<StoreSettings>('GET', '/api/admin/settings/store'),
      api.request<Rates>('GET', '/api/admin/settings/rates'),
      api.request<ApiPage<Collection>>('GET', '/api/admin/collections', { query: { limit: 100 } }),
    ]);
    return { store, rates, collections: collections.items };
  }, []);
  return (
    <Page title="Settings">
      <SettingsNav />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="settings" />}
      {data && (
        <>
          <StoreForm store={data.store} collections={data.collections} />
          <RatesForm rates={data.rates} currency={data.store.currency} />
        </>
      )}
    </Page>
  );
}

/**
 * The home's featured collection: the first collection unless one is picked here. A handle saved
 * before its collection was deleted stays listed, so saving the form keeps it until changed.
 */
function featuredOptions(collections: Collection[], saved: string): Array<readonly [string, string]> {
  const options = collections.map((c) => [c.slug, c.title] as const);
  const missing =
    saved && !collections.some((c) => c.slug === saved) ? [[saved, `${saved} (not found)`] as const] : [];
  return [['', 'The first collection (default)'], ...options, ...missing];
}

function StoreForm({ store, collections }: { store: StoreSettings; collections: Collection[] }) {
  const [name, setName] = useState(store.name);
  const [color, setColor] = useState(store.theme.primaryColor ?? '#0a58ca');
  const [logo, setLogo] = useState(store.theme.logoUrl ?? '');
  const [font, setFont] = useState<ThemeFont>(
    store.theme.font && store.theme.font in FONTS ? (store.theme.font as ThemeFont) : 'system',
  );
  const [featured, setFeatured] = useState(store.theme.featuredCollection ?? '');
  const { error, saved, busy, save, errors } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(() =>
      api.request('PATCH', '/api/admin/settings/store', {
        body: {
          name,
          theme: {
            primaryColor: color,
            font,
            featuredCollection: featured,
            ...(logo.trim() ? { logoUrl: logo.trim() } : {}),
          },
        },
      }),
    );
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="store-h">
      <h2 id="store-h">Store and theme</h2>
      <Field
        label="Store name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <p>
        Currency: <strong>{store.currency}</strong> <span className="muted">(set at sign-up)</span>
      </p>
      <div className="grid">
        <Field
          label="Theme colour"
          name="primaryColor"
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          error={errors['theme.primaryColor']}
        />
        <Field
          label="Logo URL"
          name="logoUrl"
          type="url"
          value={logo}
          onChange={(e) => setLogo(e.target.value)}
          error={errors['theme.logoUrl']}
        />
        <Select
          label="Font"
          name="font"
          value={font}
          options={FONT_OPTIONS}
          onChange={(e) => setFont(e.target.value as ThemeFont)}
          error={errors['theme.font']}
        />
        <Select
          label="Featured collection"
          name="featuredCollection"
          value={featured}
          options={featuredOptions(collections, store.theme.featuredCollection ?? '')}
          onChange={(e) => setFeatured(e.target.value)}
          error={errors['theme.featuredCollection']}
        />
      </div>
      <p className="muted">
        Preview:{' '}
        <span
          style={{
            background: color,
            color: '#fff',
            padding: '4px 10px',
            borderRadius: 6,
            fontFamily: FONTS[font][1],
          }}
        >
          {name}
        </span>
      </p>
      <ProblemAlert
        error={error}
        shownPaths={['name', 'theme.primaryColor', 'theme.logoUrl', 'theme.font', 'theme.featuredCollection']}
      />
      {saved && (
        <p className="notice" role="status">
          Saved. The shop shows it on its next page.
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Save store
      </button>
    </form>
  );
}

function RatesForm({ rates, currency }: { rates: Rates; currency: string }) {
  const [shipping, setShipping] = useState(toMajorText(rates.shippingFlatRate ?? 0, currency));
  const [tax, setTax] = useState(String((rates.taxRateBps ?? 0) / 100));
  const [timeout, setTimeoutMinutes] = useState(String(rates.unpaidOrderTimeoutMinutes ?? 30));
  const { error, saved, busy, save, errors } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(() =>
      api.request('PATCH', '/api/admin/settings/rates', {
        body: {
          shippingFlatRate: toMinor(shipping, currency) ?? null,
          taxRateBps: tax.trim() === '' || Number.isNaN(Number(tax)) ? null : Math.round(Number(tax) * 100),
          unpaidOrderTimeoutMinutes: Number.parseInt(timeout, 10),
        },
      }),
    );
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="rates-h">
      <h2 id="rates-h">Shipping, tax and payment timeout</h2>
      <div className="grid">
        <Field
          label={`Flat shipping rate (${currency})`}
          name="shippingFlatRate"
          inputMode="decimal"
          value={shipping}
          onChange={(e) => setShipping(e.target.value)}
          error={errors.shippingFlatRate}
        />
        <Field
          label="Tax rate (%)"
          name="taxRate"
          inputMode="decimal"
          value={tax}
          onChange={(e) => setTax(e.target.value)}
          error={errors.taxRateBps}
        />
        <Field
          label="Unpaid orders expire after (minutes)"
          name="unpaidOrderTimeoutMinutes"
          type="number"
          min={1}
          value={timeout}
          onChange={(e) => setTimeoutMinutes(e.target.value)}
          error={errors.unpaidOrderTimeoutMinutes}
        />
      </div>
      <ProblemAlert
        error={error}
        shownPaths={['shippingFlatRate', 'taxRateBps', 'unpaidOrderTimeoutMinutes']}
      />
      {saved && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Save rates
      </button>
    </form>
  );
}
