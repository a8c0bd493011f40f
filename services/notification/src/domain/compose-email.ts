import type { NotificationType } from '@fleet/api-contract';
import { DEFAULT_TEMPLATES, type TemplateSource } from './default-templates';
import type { EmailRenderer, RenderedEmail } from './email-renderer';
import type { StoreProfile } from './store-profile';

/** A merchant's override as stored (`text` null: the default text part). */
export interface TemplateOverride {
  subject: string;
  html: string;
  text: string | null;
}

export interface ComposedEmail {
  email: RenderedEmail;
  /** Why the override was not used (the default was rendered instead); null when it was, or none exists. */
  templateError: string | null;
}

const LINK_PATHS: Partial<Record<NotificationType, string>> = {
  password_reset: 'reset-password',
  email_verification: 'verify-email',
};

/**
 * The variables a template sees: the event's data, the store's branding, the recipient, and for
 * account e-mails the one-time link on the store's own host (customers under /account, staff
 * under /admin).
 */
export function templateVariables(
  type: NotificationType,
  data: Record<string, unknown>,
  profile: StoreProfile,
  recipient: string,
): Record<string, unknown> {
  const vars: Record<string, unknown> = { ...data, store: profile, recipient: { email: recipient } };
  const page = LINK_PATHS[type];
  const account = data.account as { audience?: string; token?: string } | undefined;
  if (page && account?.token) {
    const area = account.audience === 'staff' ? 'admin' : 'account';
    vars.link = `${profile.url}/${area}/${page}?token=${encodeURIComponent(account.token)}`;
  }
  return vars;
}

export function sourceOf(type: NotificationType, override: TemplateOverride): TemplateSource {
  return {
    subject: override.subject,
    html: override.html,
    text: override.text ?? DEFAULT_TEMPLATES[type].text,
  };
}

/**
 * Renders the store's override when it has one; when the override fails (a syntax error, an
 * unknown filter, a render limit hit by real data) the default is rendered instead and the error
 * is returned for the delivery's record: a broken override never blocks mail.
 */
export async function composeEmail(
  renderer: EmailRenderer,
  type: NotificationType,
  vars: Record<string, unknown>,
  override: TemplateOverride | undefined,
): Promise<ComposedEmail> {
  let templateError: string | null = null;
  if (override) {
    try {
      return { email: await renderer.render(sourceOf(type, override), vars), templateError };
    } catch (err) {
      templateError = `The store's template failed, so the default was sent: ${messageOf(err)}`.slice(
        0,
        1000,
      );
    }
  }
  return { email: await renderer.render(DEFAULT_TEMPLATES[type], vars), templateError };
}

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
