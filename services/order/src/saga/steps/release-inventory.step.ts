import { describeProblem, done, plan, retry, defineStep } from '../saga-step';

/**
 * Compensation of reserve-inventory: gives reserved units back. Released, expired or never made
 * counts as done; if a commit landed first, the plan switches to restocking.
 */
export const releaseInventoryStep = defineStep({
  name: 'release_inventory',
  async run(ctx, deps, { order }) {
    const released = done({ detail: 'released' });
    const result = await deps.inventory.release(ctx, order.id);
    if (result.ok || (!result.ok && result.kind === 'rejected' && result.status === 404)) return released;
    if (result.kind === 'unavailable') return retry(result.error);
    const refusal = describeProblem(result.status, result.problem);
    const current = await deps.inventory.get(ctx, order.id);
    if (!current.ok && current.kind === 'unavailable') return retry(current.error);
    const status = current.ok ? current.body.status : 'missing';
    if (status === 'committed') {
      return plan({ stock: 'restock' }, 'committed: restock');
    }
    if (status === 'reserved') return retry(`release refused while reserved: ${refusal}`);
    return released;
  },
});
