/** Opens the table a simulated run left, at one of its versions, in the explorer (from memory: nothing is fetched). */
import type { SimRunResult } from '../../workers/simProtocol.ts';
import type { OpenTable } from '../state/explorerStore.ts';
import { useExplorerActions } from '../shared/ExplorerContext.tsx';
import { useSimActions } from './SimContext.tsx';

export function simulatedTable(result: SimRunResult): OpenTable | undefined {
  if (!result.table) return undefined;
  const run = result.live ? `a live run on ${result.liveOn ?? 'memory'}` : `seed ${result.seed}`;
  return { label: `Simulated: ${result.scenario} (${run})`, link: {}, spec: { kind: 'files', entries: result.table }, target: { format: 'delta', root: '' } };
}

export function useOpenSimulatedTable(): (result: SimRunResult, version: number) => void {
  const explorer = useExplorerActions();
  const sim = useSimActions();
  return (result, version) => {
    const table = simulatedTable(result);
    if (!table) return;
    sim.show(false);
    void explorer.openTable(table, version);
  };
}
