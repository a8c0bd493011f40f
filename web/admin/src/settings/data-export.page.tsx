import { Page, TenantExports } from '@fleet/web-common';
import { api } from '../api';
import { SettingsNav } from './settings-nav';

/** The owner's export of all of the store's data (other staff get the API's 403 shown). */
export function DataExportPage() {
  return (
    <Page title="Data export">
      <SettingsNav />
      <TenantExports api={api} base="/api/admin/store/exports" fileName="store-data" />
    </Page>
  );
}
