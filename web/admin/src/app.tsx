import { href, Link, SessionGate, Shell, useRoute } from '@fleet/web-common';
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './account/account-recovery.page';
import { api } from './api';
import { DashboardPage } from './dashboard/dashboard.page';
import { InventoryPage } from './inventory/inventory.page';
import { DeliveriesPage } from './notifications/deliveries.page';
import { EmailTemplatesPage } from './notifications/email-templates.page';
import { OrderDetailPage } from './orders/order-detail.page';
import { OrdersPage } from './orders/orders.page';
import { ProductEditPage } from './products/product-edit.page';
import { ProductImportPage } from './products/product-import.page';
import { ProductsPage } from './products/products.page';
import { ReviewsPage } from './reviews/reviews.page';
import { AcceptInvitationPage } from './settings/accept-invitation.page';
import { DataExportPage } from './settings/data-export.page';
import { DomainsPage } from './settings/domains.page';
import { PaymentsPage } from './settings/payments.page';
import { SettingsPage } from './settings/settings.page';
import { ShippingPage } from './settings/shipping.page';
import { StaffPage } from './settings/staff.page';
import { ThemePage } from './settings/theme.page';

const NAV: ReadonlyArray<readonly [string, string]> = [
  ['/', 'Dashboard'],
  ['/products', 'Products'],
  ['/inventory', 'Inventory'],
  ['/orders', 'Orders'],
  ['/reviews', 'Reviews'],
  ['/settings', 'Settings'],
];

function Screen() {
  const { path } = useRoute();
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'products' && parts[1] === 'import') return <ProductImportPage />;
  if (parts[0] === 'products' && parts[1] === 'new') return <ProductEditPage />;
  if (parts[0] === 'products' && parts[1]) return <ProductEditPage id={parts[1]} key={parts[1]} />;
  if (parts[0] === 'products') return <ProductsPage />;
  if (parts[0] === 'inventory') return <InventoryPage />;
  if (parts[0] === 'orders' && parts[1]) return <OrderDetailPage id={parts[1]} key={parts[1]} />;
  if (parts[0] === 'orders') return <OrdersPage />;
  if (parts[0] === 'reviews') return <ReviewsPage />;
  if (parts[0] === 'settings' && parts[1] === 'staff') return <StaffPage />;
  if (parts[0] === 'settings' && parts[1] === 'payments') return <PaymentsPage />;
  if (parts[0] === 'settings' && parts[1] === 'domains') return <DomainsPage />;
  if (parts[0] === 'settings' && parts[1] === 'shipping') return <ShippingPage />;
  if (parts[0] === 'settings' && parts[1] === 'data') return <DataExportPage />;
  if (parts[0] === 'settings' && parts[1] === 'theme') return <ThemePage />;
  if (parts[0] === 'settings' && parts[1] === 'emails' && parts[2] === 'sent') return <DeliveriesPage />;
  if (parts[0] === 'settings' && parts[1] === 'emails') return <EmailTemplatesPage />;
  if (parts[0] === 'settings') return <SettingsPage />;
  if (parts.length === 0) return <DashboardPage />;
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no such page. <Link to="/">Back to the dashboard</Link>.
      </p>
    </>
  );
}

function Nav() {
  const { path } = useRoute();
  const section = `/${path.split('/')[1] ?? ''}`;
  return (
    <>
      {NAV.map(([to, label]) => (
        <Link key={to} to={to} aria-current={section === to ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </>
  );
}

/** Pages before any session: the e-mailed or invitation link is the credential. */
const PUBLIC_PAGES: Readonly<Record<string, () => React.JSX.Element>> = {
  '/accept': AcceptInvitationPage,
  '/forgot-password': ForgotPasswordPage,
  '/reset-password': ResetPasswordPage,
  '/verify-email': VerifyEmailPage,
};

export function App() {
  const PublicPage = PUBLIC_PAGES[useRoute().path];
  if (PublicPage) return <PublicPage />;
  return (
    <SessionGate
      api={api}
      appName="Fleet admin"
      signInHelp={
        <p>
          <a href={href('/forgot-password')}>Forgot your password?</a>
        </p>
      }
    >
      <Shell api={api} appName="Fleet admin" nav={<Nav />}>
        <Screen />
      </Shell>
    </SessionGate>
  );
}
