/** Opens the table a simulated run left, at one of its versions, in the explorer (from memory: nothing is fetched). */
import type { SimRunResult } from '../../workers/simProtocol.ts';
import type { OpenTable } from '../state/explorerStore.ts';
import { useExplorerActions } from '../shared/ExplorerContext.tsx';
import { useSimActions } from './SimContext.tsx';
import { catalogKey } from '../../sim/simCatalog.ts';

/** The Delta table a run left, or with `catalog` the DuckLake catalog its lease runs committed to. */
export function simulatedTable(result: SimRunResult, what: 'table' | 'catalog' = 'table'): OpenTable | undefined {
  if (!result.table) return undefined;
  const run = result.live ? `a live run on ${result.liveOn ?? 'memory'}` : `seed ${result.seed}`;
  const spec = { kind: 'files' as const, entries: result.table };
  if (what === 'catalog') return { label: `Simulated: ${result.scenario}'s DuckLake catalog (${run})`, link: {}, spec, target: { format: 'ducklake', catalogKey } };
  return { label: `Simulated: ${result.scenario} (${run})`, link: {}, spec, target: { format: 'delta', root: '' } };
}

/** The run left a DuckLake catalog (its lease writers committed to it). */
export function hasCatalog(result: SimRunResult): boolean {
  return result.table?.some((o) => o.key === catalogKey) ?? false;
}

export function useOpenSimulatedTable(): (result: SimRunResult, version?: number, what?: 'table' | 'catalog') => void {
  const explorer = useExplorerActions();
  const sim = useSimActions();
  return (result, version, what = 'table') => {
    const table = simulatedTable(result, what);
    if (!table) return;
    sim.show(false);
    void explorer.openTable(table, version);
  };
}
