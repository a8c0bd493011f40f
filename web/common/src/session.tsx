import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, type Api } from './api';
import { Field, ProblemAlert } from './ui';

/**
 * Shows the app once a session exists: restored from the cookie after a reload, else the
 * sign-in form. Ending the session (sign-out, or a refresh refused) comes back here.
 */
export function SessionGate({
  api,
  appName,
  children,
  signInHelp,
}: {
  api: Api;
  appName: string;
  children: ReactNode;
  /** Shown under the sign-in form (e.g. a "forgot your password?" link). */
  signInHelp?: ReactNode;
}) {
  const [state, setState] = useState<'checking' | 'in' | 'out'>('checking');
  useEffect(() => {
    const off = api.onSignedOut(() => setState('out'));
    void api.restore().then((ok) => setState(ok ? 'in' : 'out'));
    return off;
  }, [api]);
  if (state === 'checking')
    return (
      <p role="status" className="center muted">
        Loading…
      </p>
    );
  if (state === 'out')
    return <SignIn api={api} appName={appName} help={signInHelp} onDone={() => setState('in')} />;
  return <>{children}</>;
}

function SignIn({
  api,
  appName,
  help,
  onDone,
}: {
  api: Api;
  appName: string;
  help?: ReactNode;
  onDone: () => void;
}) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `Sign in · ${appName}`;
  }, [appName]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await api.login(String(form.get('email')), String(form.get('password')));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errors = fieldErrors(error);
  return (
    <main id="main" className="sign-in">
      <h1>{appName}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2>Sign in</h2>
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          error={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <ProblemAlert error={error} shownPaths={['email', 'password']} />
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
      {help}
    </main>
  );
}

/** The frame of every signed-in page: skip link, the app's name, navigation, sign-out. */
export function Shell({
  api,
  appName,
  nav,
  children,
}: {
  api: Api;
  appName: string;
  nav: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">{appName}</span>
        <nav aria-label="Main">{nav}</nav>
        <button type="button" onClick={() => void api.logout()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
