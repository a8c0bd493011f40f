import { Link, SessionGate, Shell, useRoute } from '@fleet/web-common';
import { api } from './api';
import { DeadLetterPage } from './dead-letters/dead-letter.page';
import { DeadLettersPage } from './dead-letters/dead-letters.page';
import { JobDashboardButton } from './queues/job-dashboard-button';
import { TenantDetailPage } from './tenants/tenant-detail.page';
import { TenantsPage } from './tenants/tenants.page';

const decoded = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

function Screen() {
  const { path } = useRoute();
  const parts = path.split('/').filter(Boolean).map(decoded);
  if (parts[0] === 'tenants' && parts[1]) return <TenantDetailPage id={parts[1]} key={parts[1]} />;
  if (parts.length === 0 || parts[0] === 'tenants') return <TenantsPage />;
  if (parts[0] === 'dead-letters' && parts.length === 4) {
    const [, service = '', consumer = '', messageId = ''] = parts;
    return <DeadLetterPage letter={{ service, consumer, messageId }} key={parts.join('/')} />;
  }
  if (parts[0] === 'dead-letters' && parts.length === 1) return <DeadLettersPage />;
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no such page. <Link to="/">Back to the tenants</Link>.
      </p>
    </>
  );
}

function Nav() {
  const { path } = useRoute();
  const section = path.startsWith('/dead-letters') ? 'dead-letters' : 'tenants';
  return (
    <>
      <Link to="/" aria-current={section === 'tenants' ? 'page' : undefined}>
        Tenants
      </Link>
      <Link to="/dead-letters" aria-current={section === 'dead-letters' ? 'page' : undefined}>
        Dead letters
      </Link>
      <JobDashboardButton />
    </>
  );
}

export function App() {
  return (
    <SessionGate api={api} appName="Fleet console">
      <Shell api={api} appName="Fleet console" nav={<Nav />}>
        <Screen />
      </Shell>
    </SessionGate>
  );
}
