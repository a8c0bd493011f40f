// Runs once per `jest` invocation, before any worker starts: gives this run an id that every test
// file's database name, Redis prefix and RabbitMQ prefix start with, so parallel runs never collide.
const { randomBytes } = require('node:crypto');

module.exports = async function globalSetup() {
  if (!process.env.FLEET_TEST_RUN) {
    const now = new Date();
    const stamp = now.toISOString().slice(2, 16).replace(/[-T:]/g, ''); // yyMMddHHmm
    process.env.FLEET_TEST_RUN = `${stamp}_${randomBytes(3).toString('hex')}`;
  }
};
