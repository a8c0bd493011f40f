import { useId, useState } from 'react';
import { ConfirmButton, fieldErrors, Loading, Page, ProblemAlert, Select, useLoad } from '@fleet/web-common';
import { api } from '../api';
import { SettingsNav } from './settings-nav';

interface Template {
  name: string;
  overridden: boolean;
  source: string;
  lastError: string | null;
}

const NAMES = [
  'index',
  'product',
  'collection',
  'search',
  'cart',
  'checkout',
  'order',
  'customers/login',
  'customers/register',
  'customers/account',
  '404',
  'layout/theme',
] as const;
const OPTIONS = NAMES.map((n) => [n, n] as const);
const path = (kind: 'templates' | 'preview', name: string) => `/api/admin/theme/${kind}/${name}`;

/**
 * The shop's Liquid templates: edit one, preview its page with sample data (nothing saved), then
 * publish it, or go back to the default theme's. The storefront checks each one before saving.
 */
export function ThemePage() {
  const [name, setName] = useState<string>('index');
  const [notice, setNotice] = useState<string>();
  const { data, error, loading, reload } = useLoad(
    () => api.request<Template>('GET', path('templates', name)),
    [name],
  );
  // The editor starts again from what was saved; the notice outlives it.
  const saved = (text: string) => {
    setNotice(text);
    reload();
  };
  return (
    <Page title="Theme templates">
      <SettingsNav />
      <Select
        label="Template"
        name="template"
        value={name}
        options={OPTIONS}
        onChange={(e) => {
          setNotice(undefined);
          setName(e.target.value);
        }}
      />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="the template" />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {data && (
        <Editor
          key={`${name}:${data.source.length}:${String(data.overridden)}`}
          name={name}
          template={data}
          onSaved={saved}
        />
      )}
    </Page>
  );
}

function Editor({
  name,
  template,
  onSaved,
}: {
  name: string;
  template: Template;
  onSaved: (notice: string) => void;
}) {
  const [source, setSource] = useState(template.source);
  const [preview, setPreview] = useState<string>();
  const [previewed, setPreviewed] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () =>
    run(async () => {
      const out = await api.request<{ html: string }>('POST', path('preview', name), { body: { source } });
      setPreview(out.html);
      setPreviewed(source);
    });
  const sourceError = fieldErrors(error).source;
  return (
    <>
      {template.lastError && (
        <p className="field-error">
          A shopper&apos;s page failed with this template (the default was shown): {template.lastError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-source`}>Liquid source of {name}</label>
        <small id={`${id}-hint`} className="hint">
          {template.overridden ? 'Your version is live.' : 'The default theme’s version.'} Preview shows the
          page with sample data; publishing makes it live.
        </small>
        <textarea
          id={`${id}-source`}
          className="code-editor"
          rows={18}
          spellCheck={false}
          value={source}
          aria-invalid={sourceError ? true : undefined}
          aria-describedby={[`${id}-hint`, sourceError && `${id}-error`].filter(Boolean).join(' ')}
          onChange={(e) => setSource(e.target.value)}
        />
        {sourceError && (
          <span id={`${id}-error`} className="field-error">
            {sourceError}
          </span>
        )}
      </div>
      <ProblemAlert error={error} shownPaths={['source']} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void showPreview()}>
          Preview
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || previewed !== source}
          title={previewed !== source ? 'Preview this version first' : undefined}
          onClick={() =>
            void run(async () => {
              await api.request('PUT', path('templates', name), { body: { source } });
              onSaved('Published. The shop shows it on its next page.');
            })
          }
        >
          Publish
        </button>
        {template.overridden && (
          <ConfirmButton
            label="Use the default"
            title="Go back to the default template?"
            message="Your version is deleted and the shop shows the default theme's."
            confirmLabel="Use the default"
            danger
            onConfirm={async () => {
              await api.request('DELETE', path('templates', name));
              onSaved('The shop shows the default template again.');
            }}
          />
        )}
      </div>
      {preview !== undefined && (
        <section className="card" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>Preview (sample data)</h2>
          <iframe className="preview" title={`Preview of ${name}`} sandbox="" srcDoc={preview} />
        </section>
      )}
    </>
  );
}
