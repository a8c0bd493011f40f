// Gives a fresh developer machine one store to look at: `acme.{PLATFORM_DOMAIN}`. Idempotent: the
// provisioning key makes a repeated seed return the same tenant. Skipped with FLEET_SEED=0.
const { createRegistryClient } = require('@fleet/tenancy');

async function seedDemoStore(env, log) {
  if (env.FLEET_SEED === '0') return;
  const registry = createRegistryClient({
    baseUrl: env.TENANCY_URL,
    signingKey: env.INTERNAL_SIGNING_KEY,
    caller: 'dev-seed',
  });
  await waitReady(`${env.TENANCY_URL}/readyz`);
  const tenant = await registry.provision(
    { slug: 'acme', name: 'Acme Demo Store', currency: 'USD', country: 'US' },
    'dev-seed-demo-store',
  );
  log(
    `seeded store "${tenant.slug}" (${tenant.id}) at http://${tenant.hosts[0]}:${env.GATEWAY_PORT || 8080}/`,
  );
}

async function waitReady(url) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

module.exports = { seedDemoStore };
