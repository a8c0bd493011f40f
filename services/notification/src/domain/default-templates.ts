import type { NotificationType } from '@fleet/api-contract';

/** One e-mail's Liquid: subject and text are plain text, `html` is the body inside the layout. */
export interface TemplateSource {
  subject: string;
  html: string;
  text: string;
}

const ORDER_LINES = `<table role="presentation" width="100%" cellpadding="4">
{% for item in order.items %}<tr><td>{{ item.title | default: item.productId }}</td><td align="right">{{ item.quantity }} × {{ item.unitPrice | money: order.currency }}</td></tr>
{% endfor %}<tr><td><strong>Total</strong></td><td align="right"><strong>{{ order.total | money: order.currency }}</strong></td></tr>
</table>`;
const ORDER_LINES_TEXT = `{% for item in order.items %}- {{ item.title | default: item.productId }}: {{ item.quantity }} x {{ item.unitPrice | money: order.currency }}
{% endfor %}Total: {{ order.total | money: order.currency }}`;

const button = (href: string, label: string) =>
  `<p><a href="${href}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:{{ store.primaryColor }};color:#ffffff;text-decoration:none">${label}</a></p>`;

/** The platform's e-mails: branded by the layout, overridable per store and type. */
export const DEFAULT_TEMPLATES: Record<NotificationType, TemplateSource> = {
  order_confirmation: {
    subject: 'Order {{ order.id }} confirmed: thank you!',
    html: `<h1>Thank you for your order</h1><p>We have received order <strong>{{ order.id }}</strong> and will let you know when it ships.</p>${ORDER_LINES}`,
    text: `Thank you for your order\n\nWe have received order {{ order.id }} and will let you know when it ships.\n\n${ORDER_LINES_TEXT}`,
  },
  payment_failed: {
    subject: 'Payment for order {{ order.id }} did not go through',
    html: '<h1>Your payment did not go through</h1><p>The payment for order <strong>{{ order.id }}</strong> failed{% if payment.reason %} ({{ payment.reason }}){% endif %}. No money was taken; you are welcome to order again.</p>',
    text: 'Your payment did not go through\n\nThe payment for order {{ order.id }} failed{% if payment.reason %} ({{ payment.reason }}){% endif %}. No money was taken; you are welcome to order again.',
  },
  order_shipped: {
    subject: 'Order {{ order.id }} is on its way',
    html: `<h1>Your order is on its way</h1><p>Order <strong>{{ order.id }}</strong> was handed to {{ shipment.carrierName }}. Tracking number: <strong>{{ shipment.trackingNumber }}</strong>.</p>{% if shipment.trackingUrl %}${button('{{ shipment.trackingUrl }}', 'Track your parcel')}{% endif %}`,
    text: 'Your order is on its way\n\nOrder {{ order.id }} was handed to {{ shipment.carrierName }}.\nTracking number: {{ shipment.trackingNumber }}{% if shipment.trackingUrl %}\nTrack it: {{ shipment.trackingUrl }}{% endif %}',
  },
  order_delivered: {
    subject: 'Order {{ order.id }} was delivered',
    html: '<h1>Your order was delivered</h1><p>{{ shipment.carrierName }} delivered order <strong>{{ order.id }}</strong> (tracking {{ shipment.trackingNumber }}). We hope you enjoy it.</p>',
    text: 'Your order was delivered\n\n{{ shipment.carrierName }} delivered order {{ order.id }} (tracking {{ shipment.trackingNumber }}). We hope you enjoy it.',
  },
  order_cancelled: {
    subject: 'Order {{ order.id }} was cancelled',
    html: '<h1>Your order was cancelled</h1><p>Order <strong>{{ order.id }}</strong> ({{ order.total | money: order.currency }}) was cancelled. Any payment taken is refunded.</p>',
    text: 'Your order was cancelled\n\nOrder {{ order.id }} ({{ order.total | money: order.currency }}) was cancelled. Any payment taken is refunded.',
  },
  order_refunded: {
    subject: 'Refund of {{ refund.amount | money: refund.currency }} for order {{ order.id }}',
    html: '<h1>We have refunded you</h1><p>{{ refund.amount | money: refund.currency }} was refunded for order <strong>{{ order.id }}</strong>{% if refund.fullyRefunded %}: the order is fully refunded{% endif %}. It can take a few days to reach your account.</p>',
    text: 'We have refunded you\n\n{{ refund.amount | money: refund.currency }} was refunded for order {{ order.id }}{% if refund.fullyRefunded %}: the order is fully refunded{% endif %}. It can take a few days to reach your account.',
  },
  return_update: {
    subject: 'Your return for order {{ return.orderId }}: {{ return.event | replace: "_", " " }}',
    html: '<h1>Your return was {{ return.event | replace: "_", " " }}</h1><p>Return {{ return.returnId }} for order <strong>{{ return.orderId }}</strong> is now <strong>{{ return.status | downcase | replace: "_", " " }}</strong>.{% if return.refundAmount %} Refund: {{ return.refundAmount | money: return.currency }}.{% endif %}</p>',
    text: 'Your return was {{ return.event | replace: "_", " " }}\n\nReturn {{ return.returnId }} for order {{ return.orderId }} is now {{ return.status | downcase | replace: "_", " " }}.{% if return.refundAmount %} Refund: {{ return.refundAmount | money: return.currency }}.{% endif %}',
  },
  password_reset: {
    subject: 'Reset your password at {{ store.name }}',
    html: `<h1>Reset your password</h1><p>Someone asked to reset the password of this address at {{ store.name }}. The link works once, until {{ account.expiresAt | date: "%Y-%m-%d %H:%M UTC" }}.</p>${button('{{ link }}', 'Choose a new password')}<p>If it was not you, ignore this e-mail: your password is unchanged.</p>`,
    text: 'Reset your password\n\nSomeone asked to reset the password of this address at {{ store.name }}. Open this link (it works once, until {{ account.expiresAt | date: "%Y-%m-%d %H:%M UTC" }}):\n{{ link }}\n\nIf it was not you, ignore this e-mail: your password is unchanged.',
  },
  email_verification: {
    subject: 'Confirm your e-mail address at {{ store.name }}',
    html: `<h1>Confirm your e-mail address</h1><p>Hello {{ account.name }}, please confirm that this address is yours.</p>${button('{{ link }}', 'Confirm my address')}`,
    text: 'Confirm your e-mail address\n\nHello {{ account.name }}, please confirm that this address is yours:\n{{ link }}',
  },
};

/** The branded shell every HTML body is rendered into (not overridable: the store's look stays). */
export const HTML_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{ subject }}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="100%" style="max-width:600px;background:#ffffff;border-radius:8px" cellpadding="24">
<tr><td style="border-top:6px solid {{ store.primaryColor }}">
{% if store.logoUrl %}<img src="{{ store.logoUrl }}" alt="{{ store.name }}" height="40">{% else %}<strong style="font-size:20px;color:{{ store.primaryColor }}">{{ store.name }}</strong>{% endif %}
</td></tr>
<tr><td>{{ content | raw }}</td></tr>
<tr><td style="font-size:12px;color:#52525b">{{ store.name }} · <a href="{{ store.url }}" style="color:#52525b">{{ store.url }}</a></td></tr>
</table></td></tr></table></body></html>`;

export const TEXT_LAYOUT = `{{ content }}

--
{{ store.name }}
{{ store.url }}`;
