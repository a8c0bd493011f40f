import { useId, useState } from 'react';
import { ConfirmButton, fieldErrors, Loading, Page, ProblemAlert, Select, useLoad } from '@fleet/web-common';
import { SettingsNav } from '../settings/settings-nav';
import {
  EMAIL_TYPES,
  notificationsApi,
  type EmailPreview,
  type EmailSource,
  type EmailTemplate,
} from './notifications-api';

/**
 * The store's e-mails: each type's default or the merchant's Liquid override of its subject, HTML
 * body and text part, previewed with sample data in the store's branded layout before saving.
 */
export function EmailTemplatesPage() {
  const [type, setType] = useState<string>('order_confirmation');
  const [notice, setNotice] = useState<string>();
  const { data, error, loading, reload } = useLoad(() => notificationsApi.templates(), []);
  const template = data?.items.find((t) => t.type === type);
  return (
    <Page title="E-mails">
      <SettingsNav />
      <Select
        label="E-mail"
        name="type"
        value={type}
        options={EMAIL_TYPES}
        onChange={(e) => {
          setNotice(undefined);
          setType(e.target.value);
        }}
      />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="the e-mails" />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {template && (
        <TemplateEditor
          key={`${type}:${template.updatedAt ?? 'default'}`}
          template={template}
          onSaved={(text) => {
            setNotice(text);
            reload();
          }}
        />
      )}
    </Page>
  );
}

function TemplateEditor({
  template,
  onSaved,
}: {
  template: EmailTemplate;
  onSaved: (notice: string) => void;
}) {
  const start = template.override ?? template.defaultSource;
  const [draft, setDraft] = useState<EmailSource>({ ...start, text: start.text ?? '' });
  const [preview, setPreview] = useState<EmailPreview>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const body = (): EmailSource => ({ ...draft, text: draft.text?.trim() ? draft.text : null });
  const act = async (action: () => Promise<void>) => {
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
  const errors = fieldErrors(error);
  const area = (name: 'html' | 'text', label: string, rows: number) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <textarea
        id={`${id}-${name}`}
        className="code-editor"
        rows={rows}
        spellCheck={false}
        value={draft[name] ?? ''}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
      {errors[name] && (
        <span id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </span>
      )}
    </div>
  );
  return (
    <>
      <p className="hint">
        {template.overridden ? 'Your version is sent.' : 'The default is sent.'} Liquid, as in theme
        templates: for example {'{{ store.name }}'}, {'{{ order.id }}'},{' '}
        {'{{ order.total | money: order.currency }}'}. The store&apos;s logo, colour and footer frame every
        e-mail.
      </p>
      <div className="field">
        <label htmlFor={`${id}-subject`}>Subject</label>
        <input
          id={`${id}-subject`}
          value={draft.subject}
          aria-invalid={errors.subject ? true : undefined}
          onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
        />
        {errors.subject && <span className="field-error">{errors.subject}</span>}
      </div>
      {area('html', 'HTML body', 10)}
      {area('text', 'Plain-text part (empty: the default’s)', 6)}
      <ProblemAlert error={error} shownPaths={['subject', 'html', 'text']} />
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => setPreview(await notificationsApi.preview(template.type, body())))
          }
        >
          Preview
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              await notificationsApi.save(template.type, body());
              onSaved('Saved. The next e-mails of this kind use your version.');
            })
          }
        >
          Save
        </button>
        {template.overridden && (
          <ConfirmButton
            label="Use the default"
            title="Go back to the default e-mail?"
            message="Your version is deleted and the default is sent again."
            confirmLabel="Use the default"
            danger
            onConfirm={async () => {
              await notificationsApi.reset(template.type);
              onSaved('The default e-mail is sent again.');
            }}
          />
        )}
      </div>
      {preview && (
        <section className="card" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>Preview (sample data)</h2>
          <p>
            <strong>Subject:</strong> {preview.subject}
          </p>
          <iframe className="preview" title="Preview of the HTML e-mail" sandbox="" srcDoc={preview.html} />
          <h3>Plain text</h3>
          <pre className="email-text">{preview.text}</pre>
        </section>
      )}
    </>
  );
}
