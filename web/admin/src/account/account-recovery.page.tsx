import { useEffect, useState, type FormEvent } from 'react';
import { Field, href, ProblemAlert } from '@fleet/web-common';
import { api } from '../api';
import { useSave } from '../settings/use-save';

/** The token of an e-mailed link (`?token=…`). */
const tokenOf = () => new URLSearchParams(window.location.search).get('token') ?? '';

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Fleet admin`;
  }, [title]);
  return (
    <main id="main" className="sign-in">
      <h1>{title}</h1>
      {children}
      <p>
        <a href={href('/')}>Back to sign in</a>
      </p>
    </main>
  );
}

/** Asks for a reset link: the answer is the same whether or not the address has an account here. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const { error, busy, save, saved, errors } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(() => api.request('POST', '/api/admin/auth/password-reset', { body: { email } }));
  };
  return (
    <Frame title="Reset your password">
      {saved ? (
        <p className="notice" role="status">
          If a staff account uses {email}, we have sent it a link to choose a new password. It works for one
          hour.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <ProblemAlert error={error} shownPaths={['email']} />
          <button type="submit" className="primary" disabled={busy}>
            Send the link
          </button>
        </form>
      )}
    </Frame>
  );
}

/** The e-mailed reset link: a new password, once. */
export function ResetPasswordPage() {
  const [token] = useState(tokenOf);
  const [password, setPassword] = useState('');
  const { error, busy, save, saved, errors } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(() =>
      api.request('POST', '/api/admin/auth/password-reset/confirm', { body: { token, password } }),
    );
  };
  return (
    <Frame title="Choose a new password">
      {saved ? (
        <p className="notice" role="status">
          Your password was changed. Sign in with it now.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          {!token && <p className="field-error">This page needs the link from your e-mail.</p>}
          <Field
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
            required
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ProblemAlert error={error} shownPaths={['password']} />
          <button type="submit" className="primary" disabled={busy || !token}>
            Save the new password
          </button>
        </form>
      )}
    </Frame>
  );
}

/** The e-mailed verification link: one button (opening a link changes nothing by itself). */
export function VerifyEmailPage() {
  const [token] = useState(tokenOf);
  const { error, busy, save, saved } = useSave();
  return (
    <Frame title="Confirm your email address">
      {saved ? (
        <p className="notice" role="status">
          Thank you: your email address is confirmed.
        </p>
      ) : (
        <>
          <ProblemAlert error={error} />
          <button
            type="button"
            className="primary"
            disabled={busy || !token}
            onClick={() =>
              void save(() => api.request('POST', '/api/admin/auth/verify-email', { body: { token } }))
            }
          >
            Confirm my address
          </button>
        </>
      )}
    </Frame>
  );
}
