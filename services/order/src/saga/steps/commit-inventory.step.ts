import { cancel, describeProblem, done, fail, retry, defineStep } from '../saga-step';

/**
 * Turns the paid order's reserved units into sold ones. If inventory no longer holds the
 * reservation (it expired while the payment was in flight), the order cannot ship: it is
 * cancelled and the captured money refunded.
 */
export const commitInventoryStep = defineStep({
  name: 'commit_inventory',
  async run(ctx, deps, { order }) {
    const committed = done({ detail: 'committed', record: (u) => u.mergeData({ committed: true }) });
    const result = await deps.inventory.commit(ctx, order.id);
    if (result.ok) return committed;
    if (result.kind === 'unavailable') return retry(result.error);
    const refusal = describeProblem(result.status, result.problem);
    const current = await deps.inventory.get(ctx, order.id);
    if (!current.ok && current.kind === 'unavailable') return retry(current.error);
    const status = current.ok ? current.body.status : 'missing';
    if (status === 'committed') return committed;
    if (status === 'reserved') return retry(`commit refused while reserved: ${refusal}`);
    if (status === 'restocked') return fail(`commit refused: the reservation was restocked (${refusal})`);
    return cancel(
      { reason: 'reservation_lost', stock: 'none', refund: true },
      `reservation ${status}: ${refusal}`,
    );
  },
});
