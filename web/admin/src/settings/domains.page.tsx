import { useState, type FormEvent } from 'react';
import { ConfirmButton, Field, Loading, Page, ProblemAlert, useLoad } from '@fleet/web-common';
import { api, type Page as ApiPage } from '../api';
import { SettingsNav } from './settings-nav';
import { useSave } from './use-save';

interface Domain {
  id: string;
  hostname: string;
  status: 'pending' | 'verified';
  verification: { type: string; name: string; value: string };
  verifiedAt: string | null;
}

const PATH = '/api/admin/domains';

/** The store's own domains: add one, create its TXT record at the DNS provider, verify, remove. */
export function DomainsPage() {
  const { data, error, loading, reload } = useLoad(() => api.request<ApiPage<Domain>>('GET', PATH), []);
  return (
    <Page title="Domains">
      <SettingsNav />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="domains" />}
      {data && data.items.length === 0 && <p className="muted">No domain of your own yet.</p>}
      {data?.items.map((d) => (
        <DomainCard key={d.id} domain={d} onChange={reload} />
      ))}
      <AddDomain onAdded={reload} />
    </Page>
  );
}

function DomainCard({ domain, onChange }: { domain: Domain; onChange: () => void }) {
  const { error, busy, save } = useSave();
  const headingId = `domain-${domain.id}`;
  return (
    <section className="card" aria-labelledby={headingId} data-domain={domain.hostname}>
      <h2 id={headingId}>
        {domain.hostname} <span className="badge">{domain.status}</span>
      </h2>
      {domain.status === 'pending' && (
        <>
          <p>Create this DNS record at your domain&apos;s provider, then verify:</p>
          <dl className="record">
            <dt>Type</dt>
            <dd>
              <code>{domain.verification.type}</code>
            </dd>
            <dt>Name</dt>
            <dd>
              <code>{domain.verification.name}</code>
            </dd>
            <dt>Value</dt>
            <dd>
              <code>{domain.verification.value}</code>
            </dd>
          </dl>
        </>
      )}
      {domain.verifiedAt && <p className="muted">Verified {new Date(domain.verifiedAt).toLocaleString()}.</p>}
      <ProblemAlert error={error} />
      <div className="actions">
        {domain.status === 'pending' && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void save(() => api.request('POST', `${PATH}/${domain.id}/verify`)).then(
                (ok) => ok && onChange(),
              )
            }
          >
            Verify {domain.hostname}
          </button>
        )}
        <ConfirmButton
          label={`Remove ${domain.hostname}`}
          title={`Remove ${domain.hostname}?`}
          message="The shop stops answering on this domain."
          confirmLabel="Remove"
          danger
          onConfirm={async () => {
            await api.request('DELETE', `${PATH}/${domain.id}`);
            onChange();
          }}
        />
      </div>
    </section>
  );
}

function AddDomain({ onAdded }: { onAdded: () => void }) {
  const [hostname, setHostname] = useState('');
  const { error, busy, save, errors } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(() => api.request('POST', PATH, { body: { hostname: hostname.trim() } })).then((ok) => {
      if (!ok) return;
      setHostname('');
      onAdded();
    });
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="add-domain-h">
      <h2 id="add-domain-h">Add a domain</h2>
      <Field
        label="Domain"
        name="hostname"
        hint="e.g. shop.example.com"
        autoComplete="off"
        value={hostname}
        onChange={(e) => setHostname(e.target.value)}
        error={errors.hostname}
      />
      <ProblemAlert error={error} shownPaths={['hostname']} />
      <button type="submit" className="primary" disabled={busy}>
        Add domain
      </button>
    </form>
  );
}
