import { useEffect, useState, type FormEvent } from 'react';
import { Field, href, ProblemAlert } from '@fleet/web-common';
import { staffApi, type Member } from './staff-api';
import { useSave } from './use-save';

/** The token from the invitation link's fragment (`#token=…`), which browsers never send to a server. */
const tokenOf = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

/** Where an invited person joins the store's staff: a name and a password, then the usual sign-in. */
export function AcceptInvitationPage() {
  const [token] = useState(tokenOf);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [member, setMember] = useState<Member>();
  const { error, busy, save, errors } = useSave();
  useEffect(() => {
    document.title = 'Join the staff · Fleet admin';
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(async () => setMember(await staffApi.accept(token, name, password)));
  };
  return (
    <main id="main" className="sign-in">
      <h1>Join the staff</h1>
      {member ? (
        <div className="notice" role="status">
          <p>
            Welcome, {member.name}: you are {member.role} of this store as {member.email}.
          </p>
          <a href={href('/')}>Sign in</a>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          {!token && <p className="field-error">This page needs the link from your invitation.</p>}
          <Field
            label="Your name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
          />
          <Field
            label="Choose a password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
          />
          <ProblemAlert error={error} shownPaths={['name', 'password']} />
          <button type="submit" className="primary" disabled={busy || !token}>
            Join
          </button>
        </form>
      )}
    </main>
  );
}
