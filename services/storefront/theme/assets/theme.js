/* global document, window, URLSearchParams, FormData, location, history */
// Enhancement only: every form works without this file. Adds to the cart without a reload and
// keeps the price, availability and URL in step with the chosen variant.
(function () {
  'use strict';
  function toast(text) {
    var el = document.createElement('div');
    el.className = 'toast';
    el.setAttribute('role', 'status');
    el.textContent = text;
    document.body.appendChild(el);
    setTimeout(function () {
      el.remove();
    }, 2500);
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-ajax-cart]') || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (res) {
        return res.json().then(function (body) {
          return { ok: res.ok, body: body };
        });
      })
      .then(function (r) {
        if (!r.ok) {
          toast(r.body.detail || r.body.title || 'Could not add to the cart.');
          return;
        }
        document.querySelectorAll('.cart-count').forEach(function (el) {
          el.textContent = r.body.count;
        });
        toast('Added to your cart');
      })
      .catch(function () {
        form.submit();
      })
      .finally(function () {
        if (button) button.disabled = false;
      });
  });
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[name=variantId][data-price]')) return;
    var price = document.querySelector('[data-product-price]');
    var compare = document.querySelector('[data-product-compare]');
    var stock = document.querySelector('[data-product-stock]');
    var add = document.querySelector('[data-add-button]');
    if (price) {
      price.textContent = input.dataset.price;
      price.classList.toggle('sale', Boolean(input.dataset.compare));
    }
    if (compare) {
      compare.textContent = input.dataset.compare || '';
      compare.hidden = !input.dataset.compare;
    }
    var available = input.dataset.available === 'true';
    if (stock) stock.textContent = available ? 'In stock' : 'Sold out';
    if (add) add.disabled = !available;
    var url = new URL(location.href);
    url.searchParams.set('variant', input.value);
    history.replaceState(null, '', url);
  });
})();
