/* global document, window */
// The order page's card payment: mounts Stripe's Payment Element in our form and confirms the
// PaymentIntent; Stripe then returns the shopper to this order page on the store's own host.
// Loaded (deferred, after Stripe.js) only on the order page of a pending Stripe payment.
(function () {
  'use strict';
  var form = document.getElementById('stripe-payment');
  if (!form) return;
  var error = form.querySelector('[data-payment-error]');
  var button = form.querySelector('[type=submit]');
  function say(text) {
    error.textContent = text;
  }
  form.hidden = false;
  if (typeof window.Stripe !== 'function') {
    button.disabled = true;
    say('The card form could not load. Check your connection and reload this page; your order is kept.');
    return;
  }
  var stripe = window.Stripe(form.getAttribute('data-publishable-key'));
  var elements = stripe.elements({ clientSecret: form.getAttribute('data-client-secret') });
  elements.create('payment').mount('#stripe-payment-element');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    button.disabled = true;
    say('');
    stripe
      .confirmPayment({
        elements: elements,
        confirmParams: { return_url: form.getAttribute('data-return-url') },
      })
      .then(function (result) {
        // Only reached when there is no redirect: the card was declined or a field is wrong.
        if (result.error) say(result.error.message || 'The payment did not go through.');
        button.disabled = false;
      });
  });
})();
