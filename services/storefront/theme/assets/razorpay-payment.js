/* global document, window */
// The order page's Razorpay payment: opens Razorpay Checkout for the order's Razorpay order and,
// on success, posts its signed answer with our form (CSRF token included) to the storefront,
// which has payment verify it and then redirects to this order page. Loaded (deferred, after
// checkout.js) only on the order page of a pending Razorpay payment.
(function () {
  'use strict';
  var form = document.getElementById('razorpay-payment');
  if (!form) return;
  var error = form.querySelector('[data-payment-error]');
  var button = form.querySelector('[type=submit]');
  var data = function (name) {
    return form.getAttribute('data-' + name);
  };
  form.hidden = false;
  if (typeof window.Razorpay !== 'function') {
    button.disabled = true;
    error.textContent =
      'Razorpay could not load. Check your connection and reload this page; your order is kept.';
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.textContent = '';
    var checkout = new window.Razorpay({
      key: data('key-id'),
      order_id: data('order-id'),
      amount: Number(data('amount')),
      currency: data('currency'),
      name: data('name'),
      prefill: data('email') ? { email: data('email') } : {},
      handler: function (answer) {
        ['razorpay_order_id', 'razorpay_payment_id', 'razorpay_signature'].forEach(function (name) {
          form.elements[name].value = answer[name] || '';
        });
        button.disabled = true;
        form.submit();
      },
    });
    checkout.on('payment.failed', function (answer) {
      error.textContent = (answer.error && answer.error.description) || 'The payment did not go through.';
    });
    checkout.open();
  });
})();
