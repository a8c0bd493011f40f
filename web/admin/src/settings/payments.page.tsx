import { useState, type FormEvent } from 'react';
import { ConfirmButton, Field, Loading, Page, ProblemAlert, Select, useLoad } from '@fleet/web-common';
import { api } from '../api';
import { SettingsNav } from './settings-nav';
import { useSave } from './use-save';

type Provider = 'offline' | 'stripe' | 'razorpay';

interface PaymentSettings {
  provider: Provider;
  testMode: boolean;
  liveSince: string | null;
  providers: Array<{ provider: Provider; active: boolean; publicKeyId: string | null; webhookPath: string }>;
}

const PATH = '/api/admin/settings/payments';

/** Each provider's keys, as `PUT /api/admin/settings/payments` names them under `credentials`. */
const KEYS: Record<Provider, ReadonlyArray<readonly [string, string, boolean]>> = {
  offline: [],
  stripe: [
    ['publishableKey', 'Publishable key (pk_…)', false],
    ['secretKey', 'Secret key (sk_…)', true],
    ['webhookSecret', 'Webhook signing secret (whsec_…)', true],
  ],
  razorpay: [
    ['keyId', 'Key id (rzp_…)', false],
    ['keySecret', 'Key secret', true],
    ['webhookSecret', 'Webhook secret', true],
  ],
};

const PROVIDERS = [
  ['offline', 'Offline (test payments only)'],
  ['stripe', 'Stripe'],
  ['razorpay', 'Razorpay'],
] as const;

/** The payment provider, its write-only keys, and test mode or live. */
export function PaymentsPage() {
  const { data, error, loading, reload } = useLoad(() => api.request<PaymentSettings>('GET', PATH), []);
  return (
    <Page title="Payments">
      <SettingsNav />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="payment settings" />}
      {data && (
        <>
          <Mode settings={data} onChange={reload} />
          <ProviderForm settings={data} key={data.provider} onSaved={reload} />
        </>
      )}
    </Page>
  );
}

function Mode({ settings, onChange }: { settings: PaymentSettings; onChange: () => void }) {
  return (
    <section className="card" aria-labelledby="mode-h">
      <h2 id="mode-h">Mode</h2>
      <p>
        <strong data-testid="payment-mode">{settings.testMode ? 'Test mode' : 'Live'}</strong>{' '}
        <span className="muted">
          {settings.testMode
            ? 'Every order is a test order; no money moves.'
            : `Taking real payments since ${new Date(settings.liveSince ?? '').toLocaleString()}.`}
        </span>
      </p>
      {settings.testMode ? (
        <ConfirmButton
          label="Go live"
          title="Take real payments?"
          message="New orders are charged for real with your provider's live keys. Only the store owner may do this."
          onConfirm={async () => {
            await api.request('POST', `${PATH}/go-live`, { body: {} });
            onChange();
          }}
        />
      ) : (
        <ConfirmButton
          label="Back to test mode"
          title="Stop taking real payments?"
          message="New orders become test orders; no money moves until you go live again."
          danger
          onConfirm={async () => {
            await api.request('POST', `${PATH}/test-mode`, { body: {} });
            onChange();
          }}
        />
      )}
    </section>
  );
}

/** Keys are write-only: the form starts empty, and the API shows back only a masked key id. */
function ProviderForm({ settings, onSaved }: { settings: PaymentSettings; onSaved: () => void }) {
  const [provider, setProvider] = useState<Provider>(settings.provider);
  const [keys, setKeys] = useState<Record<string, string>>({});
  const { error, saved, busy, save, errors } = useSave();
  const fields = KEYS[provider];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const credentials = Object.fromEntries(fields.map(([name]) => [name, keys[name] ?? '']));
    void save(async () => {
      await api.request('PUT', PATH, {
        body: provider === 'offline' ? { provider } : { provider, credentials },
      });
      setKeys({});
      onSaved();
    });
  };
  const current = settings.providers.find((p) => p.provider === provider);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="provider-h">
      <h2 id="provider-h">Provider</h2>
      <Select
        label="Payment provider"
        name="provider"
        value={provider}
        options={PROVIDERS}
        onChange={(e) => setProvider(e.target.value as Provider)}
        error={errors.provider}
      />
      {current?.publicKeyId && (
        <p className="muted">
          Saved key: <code>{current.publicKeyId}</code>. Webhooks to <code>{current.webhookPath}</code> on
          this host.
        </p>
      )}
      <div className="grid">
        {fields.map(([name, label, secret]) => (
          <Field
            key={`${provider}.${name}`}
            label={label}
            name={name}
            type={secret ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            value={keys[name] ?? ''}
            onChange={(e) => setKeys((k) => ({ ...k, [name]: e.target.value }))}
            error={errors[`credentials.${name}`]}
          />
        ))}
      </div>
      <ProblemAlert error={error} shownPaths={['provider', ...fields.map(([n]) => `credentials.${n}`)]} />
      {saved && (
        <p className="notice" role="status">
          Saved. New payments use {provider}.
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Save provider
      </button>
    </form>
  );
}
