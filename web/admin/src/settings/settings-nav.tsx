import { Link, useRoute } from '@fleet/web-common';

const SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['/settings', 'Store'],
  ['/settings/theme', 'Theme templates'],
  ['/settings/emails', 'E-mails'],
  ['/settings/emails/sent', 'E-mails sent'],
  ['/settings/payments', 'Payments'],
  ['/settings/shipping', 'Shipping and returns'],
  ['/settings/domains', 'Domains'],
  ['/settings/staff', 'Staff'],
  ['/settings/data', 'Data export'],
];

/** The settings' sections, the current one marked for assistive technology. */
export function SettingsNav() {
  const { path } = useRoute();
  return (
    <nav aria-label="Settings sections" className="actions subnav">
      {SECTIONS.map(([to, label]) => (
        <Link key={to} to={to} aria-current={path === to ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
