import type {
  NotificationDelivery as Delivery,
  NotificationPreview as EmailPreview,
  NotificationTemplate as EmailTemplate,
} from '@fleet/api-contract';
import { api } from '../api';

export type { Delivery, EmailPreview, EmailTemplate };
export interface EmailSource {
  subject: string;
  html: string;
  text: string | null;
}

/** What each e-mail type is, for people. */
export const EMAIL_TYPES = [
  ['order_confirmation', 'Order confirmation'],
  ['payment_failed', 'Payment failed'],
  ['order_shipped', 'Order shipped (tracking)'],
  ['order_delivered', 'Order delivered'],
  ['order_cancelled', 'Order cancelled'],
  ['order_refunded', 'Refund'],
  ['return_update', 'Return update'],
  ['password_reset', 'Password reset'],
  ['email_verification', 'E-mail verification'],
] as const;

export const labelOf = (type: string): string => EMAIL_TYPES.find(([t]) => t === type)?.[1] ?? type;

const TEMPLATES = '/api/admin/notifications/templates';

export const notificationsApi = {
  templates: () => api.request<{ items: EmailTemplate[] }>('GET', TEMPLATES),
  save: (type: string, body: EmailSource) =>
    api.request<EmailTemplate>('PUT', `${TEMPLATES}/${type}`, { body }),
  reset: (type: string) => api.request<void>('DELETE', `${TEMPLATES}/${type}`),
  preview: (type: string, body: EmailSource) =>
    api.request<EmailPreview>('POST', `${TEMPLATES}/${type}/preview`, { body }),
  deliveries: (query: { status?: string; cursor?: string }) =>
    api.request<{ items: Delivery[]; nextCursor: string | null }>(
      'GET',
      '/api/admin/notifications/deliveries',
      {
        query,
      },
    ),
};
