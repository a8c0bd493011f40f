import { Link, SessionGate, Shell, useRoute } from '@fleet/web-common';
import { api } from './api';
import { TenantDetailPage } from './tenants/tenant-detail.page';
import { TenantsPage } from './tenants/tenants.page';

function Screen() {
  const { path } = useRoute();
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'tenants' && parts[1]) return <TenantDetailPage id={parts[1]} key={parts[1]} />;
  if (parts.length === 0 || parts[0] === 'tenants') return <TenantsPage />;
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no such page. <Link to="/">Back to the tenants</Link>.
      </p>
    </>
  );
}

export function App() {
  return (
    <SessionGate api={api} appName="Fleet console">
      <Shell
        api={api}
        appName="Fleet console"
        nav={
          <Link to="/" aria-current="page">
            Tenants
          </Link>
        }
      >
        <Screen />
      </Shell>
    </SessionGate>
  );
}
