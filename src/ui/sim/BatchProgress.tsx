import { useSimActions, useSimState } from './SimContext.tsx';

/** How far the sweep or the many-seed run in the worker is, with a Cancel button. */
export function BatchProgress({ kind }: { kind: 'sweep' | 'seeds' }) {
  const batch = useSimState((s) => s.batch);
  const actions = useSimActions();
  if (batch?.kind !== kind) return null;
  return (
    <p className="muted small" role="status" data-testid="sim-batch">
      Run {batch.done} of {batch.total || '…'}{' '}
      <progress max={batch.total || 1} value={batch.done} data-testid="sim-batch-progress" />{' '}
      <button type="button" onClick={() => actions.cancelBatch()} data-testid="sim-batch-cancel">Cancel</button>
    </p>
  );
}
