'use strict';
// The flags Debian's Chromium needs here (root, no GPU, no network of its own), as one string for
// Lighthouse's --chrome-flags.
module.exports = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');
