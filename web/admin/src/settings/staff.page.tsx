import { useState, type FormEvent } from 'react';
import { ConfirmButton, Field, Loading, Page, ProblemAlert, Select, useLoad } from '@fleet/web-common';
import { SettingsNav } from './settings-nav';
import { ROLES, staffApi, type Invited, type Member, type Team } from './staff-api';
import { useSave } from './use-save';

/** The store's staff: members with their roles, pending invitations, and inviting someone. */
export function StaffPage() {
  const { data, error, loading, reload } = useLoad(staffApi.team, []);
  return (
    <Page title="Staff">
      <SettingsNav />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="staff" />}
      {data && <TeamTables team={data} onChange={reload} />}
      <InviteForm onInvited={reload} />
    </Page>
  );
}

function TeamTables({ team, onChange }: { team: Team; onChange: () => void }) {
  return (
    <>
      <section className="card" aria-labelledby="members-h">
        <h2 id="members-h">Members</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => (
                <tr key={m.id} data-email={m.email}>
                  <td>
                    {m.name}
                    <br />
                    <span className="muted">{m.email}</span>
                  </td>
                  <td>
                    <span className="badge">{m.role}</span>
                  </td>
                  <td>
                    {m.role === 'owner' ? (
                      <span className="muted">Store owner</span>
                    ) : (
                      <MemberActions member={m} onDone={onChange} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {team.invitations.length > 0 && (
        <section className="card" aria-labelledby="invites-h">
          <h2 id="invites-h">Invitations waiting</h2>
          <ul>
            {team.invitations.map((i) => (
              <li key={i.id}>
                {i.email} as <strong>{i.role}</strong>{' '}
                <span className="muted">until {new Date(i.expiresAt).toLocaleDateString()}</span>{' '}
                <ConfirmButton
                  label={`Cancel invitation of ${i.email}`}
                  title="Cancel the invitation?"
                  message={`The link sent to ${i.email} stops working.`}
                  confirmLabel="Cancel invitation"
                  danger
                  onConfirm={async () => {
                    await staffApi.cancel(i.id);
                    onChange();
                  }}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function MemberActions({ member, onDone }: { member: Member; onDone: () => void }) {
  const [role, setRole] = useState<string>(member.role === 'admin' ? 'staff' : 'admin');
  return (
    <div className="actions">
      <ConfirmButton
        label={`Change role of ${member.name}`}
        title={`Change the role of ${member.name}`}
        message="It applies from their next page load."
        confirmLabel="Change role"
        onConfirm={async () => {
          await staffApi.changeRole(member.id, role);
          onDone();
        }}
      >
        <Select
          label="New role"
          name="role"
          value={role}
          options={ROLES}
          onChange={(e) => setRole(e.target.value)}
        />
      </ConfirmButton>
      <ConfirmButton
        label={`Remove ${member.name}`}
        title={`Remove ${member.name} from the staff?`}
        message="They are signed out and can no longer sign in to this store."
        confirmLabel="Remove"
        danger
        onConfirm={async () => {
          await staffApi.remove(member.id);
          onDone();
        }}
      />
    </div>
  );
}

/** Invites by e-mail; the platform sends no mail, so the one-time link is shown to pass on. */
function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('staff');
  const [invited, setInvited] = useState<Invited>();
  const { error, busy, save, errors } = useSave();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setInvited(undefined);
    await save(async () => {
      setInvited(await staffApi.invite(email, role));
      setEmail('');
      onInvited();
    });
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-h">
      <h2 id="invite-h">Invite someone</h2>
      <div className="grid">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <Select
          label="Role"
          name="role"
          value={role}
          options={ROLES}
          onChange={(e) => setRole(e.target.value)}
          error={errors.role}
        />
      </div>
      <ProblemAlert error={error} shownPaths={['email', 'role']} />
      {invited && (
        <div className="notice" role="status">
          <p>
            {invited.email} is invited as {invited.role}. Send them this link; it works once, for 7 days:
          </p>
          <Field
            label="Invitation link"
            name="invitationLink"
            readOnly
            value={`${window.location.origin}${invited.acceptPath}`}
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Send invitation
      </button>
    </form>
  );
}
