import { randomBytes } from 'node:crypto';

/** This Jest run's id (set by the global setup), shared by every test file of the run. */
export function testRunId(): string {
  if (!process.env.FLEET_TEST_RUN) {
    const stamp = new Date().toISOString().slice(2, 16).replace(/[-T:]/g, '');
    process.env.FLEET_TEST_RUN = `${stamp}_${randomBytes(3).toString('hex')}`;
  }
  return process.env.FLEET_TEST_RUN;
}

/** A name unique to this run and this call: `<run>_<label>_<random>`, lower case, safe everywhere. */
export function uniqueName(label: string): string {
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20);
  return `t_${testRunId()}_${clean}_${randomBytes(2).toString('hex')}`;
}
