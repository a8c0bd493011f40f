import { describeProblem, done, fail, plan, retry, defineStep } from '../saga-step';

/** Compensation of commit-inventory: gives sold units of a cancelled order back to stock. */
export const restockInventoryStep = defineStep({
  name: 'restock_inventory',
  async run(ctx, deps, { order }) {
    const restocked = done({ detail: 'restocked' });
    const result = await deps.inventory.restock(ctx, order.id);
    if (result.ok) return restocked;
    if (result.kind === 'unavailable') return retry(result.error);
    const refusal = describeProblem(result.status, result.problem);
    const current = await deps.inventory.get(ctx, order.id);
    if (!current.ok && current.kind === 'unavailable') return retry(current.error);
    const status = current.ok ? current.body.status : 'missing';
    if (status === 'reserved') {
      return plan({ stock: 'release' }, 'not committed: release');
    }
    if (status === 'committed') return fail(`restock refused: ${refusal}`);
    return restocked;
  },
});
