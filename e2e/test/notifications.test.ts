import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { requestAs, startSmtpSink, waitFor, type SmtpSink } from '@fleet/testing';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, SCREENSHOTS } from './browser';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';
import { seedProduct, Shopper } from './storefront-support';

/**
 * The platform's e-mail end to end: the host runs every service, notification sends to a real SMTP
 * server; shoppers and staff use the links they receive, through the gateway and the storefront.
 */
let platform: ProcessPlatform;
let fd: ReturnType<typeof frontDoor>;
let smtp: SmtpSink;
let a: Store;
let b: Store;

beforeAll(async () => {
  smtp = await startSmtpSink();
  platform = await startHostPlatform(1, {
    notification: { SMTP_URL: smtp.url, DELIVERY_BACKOFF_MS: '200', MAIL_FROM: 'mail@fleet.test' },
  });
  fd = frontDoor(platform);
  // One at a time, retried as the 503 says: sign-up hashes at 2^17 on a busy shared machine.
  const signUp = (slug: string) =>
    waitFor(`sign-up of ${slug}`, () => fd.signUp(slug), { timeoutMs: 120_000, intervalMs: 1_000 });
  a = await signUp('mail-a');
  b = await signUp('mail-b');
}, 240_000);
afterAll(async () => {
  await platform?.stop();
  await smtp?.close();
});

/** The path and query of the first link in a mail's text that starts with `prefix`. */
function linkIn(text: string, prefix: string): string {
  const url = new RegExp(`(http://[^\\s]+${prefix.replace(/[/?]/g, '\\$&')}[^\\s]+)`).exec(text)?.[1];
  if (!url) throw new Error(`no ${prefix} link in: ${text}`);
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

test('a shopper verifies the address and resets the password from the e-mailed links, without JavaScript', async () => {
  const shopper = new Shopper(fd.gateway, a.host);
  await shopper.get('/account/register');
  const registered = await shopper.post('/account/register', {
    email: 'sam@mail-a.example',
    name: 'Sam',
    password: 'first password 1',
  });
  expect(registered.status).toBe(303);

  const [welcome] = await smtp.waitForMail('sam@mail-a.example', 1, 60_000);
  expect(welcome!.subject).toBe('Confirm your e-mail address at Store mail-a');
  expect(welcome!.parsed.from?.value[0]).toEqual({ name: 'Store mail-a', address: 'mail@fleet.test' });
  const verify = linkIn(welcome!.text, '/account/verify-email?token=');
  expect(welcome!.text).toContain(`http://${a.host}/account/verify-email?token=`);
  const page = await shopper.get(verify);
  expect(page.status).toBe(200);
  expect(page.text).toContain('Confirm my address');
  const confirmed = await shopper.post('/account/verify-email', {
    token: new URL(`http://x${verify}`).searchParams.get('token')!,
  });
  expect(confirmed.text).toContain('your email address is confirmed');

  const guest = new Shopper(fd.gateway, a.host);
  await guest.get('/account/forgot-password');
  const asked = await guest.post('/account/forgot-password', { email: 'sam@mail-a.example' });
  expect(asked.text).toContain('If an account uses sam@mail-a.example');
  await guest.get('/account/forgot-password'); // a fresh form (and its CSRF token)
  const unknown = await guest.post('/account/forgot-password', { email: 'nobody@mail-a.example' });
  expect(unknown.status).toBe(asked.status);
  expect(unknown.text).toContain('If an account uses nobody@mail-a.example');

  const mails = await smtp.waitForMail('sam@mail-a.example', 2, 60_000);
  const reset = mails.find((m) => m.subject.startsWith('Reset your password'))!;
  const resetLink = linkIn(reset.text, '/account/reset-password?token=');
  const form = await guest.get(resetLink);
  const token = /name="token" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  expect(token).toMatch(/^pwr_/);
  const done = await guest.post('/account/reset-password', { token, password: 'second password 2' });
  expect(done.text).toContain('Your password was changed');
  await guest.get(resetLink); // the link again: its form posts, and the used token is refused
  const again = await guest.post('/account/reset-password', { token, password: 'third password 3' });
  expect(again.status).toBe(410);

  await guest.get('/account/login');
  const login = await guest.post('/account/login', {
    email: 'sam@mail-a.example',
    password: 'second password 2',
  });
  expect([login.status, login.headers.location]).toEqual([303, '/account']);
  expect(smtp.to('nobody@mail-a.example')).toHaveLength(0);
}, 180_000);

test('a paid order is confirmed once by e-mail, branded for its store; the merchant sees the deliveries', async () => {
  const lamp = await seedProduct(platform, a, 'Mail Lantern');
  const checkout = await fd.checkout(a.host, lamp.variants[0]!.id);
  ok(
    await fd.call(a.host, `/api/store/payments/${checkout.payment.paymentId}/simulate`, {
      body: { outcome: 'succeeded' },
    }),
  );
  await waitFor('the order placed', async () => (await fd.orderOf(a.host, checkout)).status === 'PLACED', {
    timeoutMs: 60_000,
  });
  const mails = await waitFor(
    'the confirmation',
    () => {
      const found = smtp.to('shopper@example.com').filter((m) => m.subject.includes(checkout.orderId));
      return found.length ? found : undefined;
    },
    { timeoutMs: 60_000 },
  );
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe(`Order ${checkout.orderId} confirmed: thank you!`);
  expect(mails[0]!.parsed.from?.value[0]?.name).toBe('Store mail-a');

  const list = ok(await fd.asOwner(a, '/api/admin/notifications/deliveries?type=order_confirmation')) as {
    items: Array<{ recipient: string; status: string; subject: string }>;
  };
  expect(list.items).toEqual([
    expect.objectContaining({ recipient: 'shopper@example.com', status: 'sent', subject: mails[0]!.subject }),
  ]);
  // another store's staff sees none of it, and cannot reach store A's through its own token
  const ofB = ok(await fd.asOwner(b, '/api/admin/notifications/deliveries')) as { items: unknown[] };
  expect(ofB.items.filter((d) => JSON.stringify(d).includes('shopper@example.com'))).toEqual([]);
  const crossed = await requestAs(a.host, `${fd.gateway}/api/admin/notifications/deliveries`, {
    headers: { authorization: `Bearer ${b.token}` },
  });
  expect(crossed.status).toBe(403); // a token of another store: wrong tenant
}, 180_000);

test('staff reset their password from a link to the admin', async () => {
  const asked = await fd.call(a.host, '/api/admin/auth/password-reset', {
    body: { email: 'owner@mail-a.test' },
  });
  expect(asked.status).toBe(202);
  const [mail] = await smtp.waitForMail('owner@mail-a.test', 1, 60_000);
  const token = new URL(`http://x${linkIn(mail!.text, '/admin/reset-password?token=')}`).searchParams.get(
    'token',
  )!;
  const confirmed = await fd.call(a.host, '/api/admin/auth/password-reset/confirm', {
    body: { token, password: 'new owner pass 9' },
  });
  expect(confirmed.status).toBe(204);
  const login = await fd.call(a.host, '/api/admin/auth/login', {
    body: { email: 'owner@mail-a.test', password: 'new owner pass 9' },
  });
  expect(login.status).toBe(200);
  // the token is for store A only
  const elsewhere = await fd.call(b.host, '/api/admin/auth/password-reset/confirm', {
    body: { token, password: 'new owner pass 9' },
  });
  expect(elsewhere.status).toBe(404);
}, 120_000);

const browserTest = hasChromium() ? test : test.skip;

browserTest(
  'the merchant edits an e-mail with a preview and reads the e-mails sent; the recovery pages work at 375 px without JavaScript',
  async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
      page.on('pageerror', (err) => {
        throw err;
      });
      const admin = `http://${a.host}/admin`;
      await page.goto(`${admin}/`);
      await page.getByRole('link', { name: 'Forgot your password?' }).waitFor();
      await page.getByLabel('Email').fill('owner@mail-a.test');
      await page.getByLabel('Password').fill('new owner pass 9'); // set by the staff reset above
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

      await page.goto(`${admin}/settings/emails`);
      await page.getByRole('heading', { level: 1, name: 'E-mails' }).waitFor();
      await page.getByLabel('E-mail', { exact: true }).selectOption('order_shipped');
      await page.getByLabel('Subject').fill('{{ store.name }}: {{ shipment.carrierName }} has it');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('Subject: Store mail-a: Parcel Express has it').waitFor();
      const frame = page.frameLocator('iframe[title="Preview of the HTML e-mail"]');
      await frame.getByText('PX123456789').waitFor();
      await shot(page, 'admin-email-preview');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved. The next e-mails of this kind use your version.').waitFor();
      // a template that does not render is refused, with the reason
      await page.getByLabel('HTML body').fill('{% if %}');
      await page.getByRole('button', { name: 'Save' }).click();
      await page
        .getByText(/does not render/)
        .first()
        .waitFor();

      await page.goto(`${admin}/settings/emails/sent`);
      await page.getByRole('heading', { level: 1, name: 'E-mails sent' }).waitFor();
      await page.getByRole('cell', { name: 'shopper@example.com' }).first().waitFor();
      await shot(page, 'admin-emails-sent');
      await page.setViewportSize({ width: 375, height: 800 });
      const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth + 1');
      await shot(page, 'admin-emails-sent-375');
      expect(overflow).toBe(false);

      const phone = await (
        await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false })
      ).newPage();
      await phone.goto(`http://${a.host}/account/login`);
      await phone.getByRole('link', { name: 'Forgot your password?' }).click();
      await phone.getByLabel('Email').fill('sam@mail-a.example');
      await phone.getByRole('button', { name: 'Send the link' }).click();
      await phone.getByText('If an account uses sam@mail-a.example').waitFor();
      await shot(phone, 'storefront-forgot-password-375');
      await phone.goto(`http://${a.host}/account/reset-password?token=pwr_${'x'.repeat(43)}`);
      await phone.getByLabel('New password').fill('another password 4');
      await phone.getByRole('button', { name: 'Save the new password' }).click();
      await phone.getByText('This link is not valid any more').waitFor();
      await shot(phone, 'storefront-reset-invalid-375');

      const staff = await (await browser.newContext({ viewport: { width: 375, height: 740 } })).newPage();
      await staff.goto(`${admin}/forgot-password`);
      await staff.getByLabel('Email').fill('nobody@mail-a.test');
      await staff.getByRole('button', { name: 'Send the link' }).click();
      await staff.getByText('If a staff account uses nobody@mail-a.test').waitFor();
      await shot(staff, 'admin-forgot-password-375');
    } finally {
      await browser.close();
    }
  },
  180_000,
);
