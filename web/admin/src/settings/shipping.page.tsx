import { useState, type FormEvent } from 'react';
import { Loading, Page, ProblemAlert, useLoad } from '@fleet/web-common';
import { api } from '../api';
import { SettingsNav } from './settings-nav';
import { useSave } from './use-save';

interface ShippingSettings {
  carrier: string;
  carriers: Array<{ name: string; displayName: string; description: string }>;
}

interface ReturnSettings {
  returnWindowDays: number;
}

/** The store's carrier (it quotes checkout's shipping and labels shipments) and its return window. */
export function ShippingPage() {
  const shipping = useLoad(() => api.request<ShippingSettings>('GET', '/api/admin/settings/shipping'), []);
  const returns = useLoad(() => api.request<ReturnSettings>('GET', '/api/admin/settings/returns'), []);
  return (
    <Page title="Shipping and returns">
      <SettingsNav />
      <ProblemAlert error={shipping.error ?? returns.error} />
      {(shipping.loading || returns.loading) && <Loading what="shipping settings" />}
      {shipping.data && <CarrierForm settings={shipping.data} />}
      {returns.data && <ReturnWindowForm days={returns.data.returnWindowDays} />}
    </Page>
  );
}

function CarrierForm({ settings }: { settings: ShippingSettings }) {
  const [carrier, setCarrier] = useState(settings.carrier);
  const { error, saved, busy, save } = useSave();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(() => api.request('PUT', '/api/admin/settings/shipping', { body: { carrier } }));
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="carrier-title">
      <h2 id="carrier-title">Carrier</h2>
      <fieldset>
        <legend>Checkout charges this carrier’s rate; new shipments get its labels.</legend>
        {settings.carriers.map((c) => (
          <label key={c.name} className="choice">
            <input
              type="radio"
              name="carrier"
              value={c.name}
              checked={carrier === c.name}
              onChange={() => setCarrier(c.name)}
            />{' '}
            <strong>{c.displayName}</strong> <span className="muted">{c.description}</span>
          </label>
        ))}
      </fieldset>
      <ProblemAlert error={error} />
      {saved && <p role="status">Saved.</p>}
      <button type="submit" disabled={busy}>
        Save carrier
      </button>
    </form>
  );
}

function ReturnWindowForm({ days }: { days: number }) {
  const [value, setValue] = useState(String(days));
  const { error, saved, busy, save } = useSave();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(() =>
      api.request('PUT', '/api/admin/settings/returns', { body: { returnWindowDays: Number(value) } }),
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="returns-title">
      <h2 id="returns-title">Returns</h2>
      <label htmlFor="return-window">Days after delivery a shopper may ask to return (0: no returns)</label>
      <input
        id="return-window"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <ProblemAlert error={error} />
      {saved && <p role="status">Saved.</p>}
      <button type="submit" disabled={busy}>
        Save return window
      </button>
    </form>
  );
}
