import type { SeedStatistics } from '../../sim/seedStatistics.ts';
import { statisticsSeeds } from '../state/simStore.ts';
import { LoadableView } from '../shared/LoadableView.tsx';
import { BatchProgress } from './BatchProgress.tsx';
import { useSimActions, useSimState } from './SimContext.tsx';

/** The scenario shown over seeds 1 to 500, run in the worker: how each writer ends, and the seeds that break an invariant. */
export function SeedStatisticsView() {
  const statistics = useSimState((s) => s.seedStatistics);
  const running = useSimState((s) => s.batch?.kind === 'seeds');
  const actions = useSimActions();
  return (
    <div className="seed-statistics">
      <button type="button" disabled={running} onClick={() => void actions.runSeedStatistics()} data-testid="sim-seeds">This scenario over {statisticsSeeds} seeds</button>
      <BatchProgress kind="seeds" />
      {statistics && !running && <LoadableView value={statistics} what="the seeds">{(value) => <Statistics value={value} />}</LoadableView>}
    </div>
  );
}

function Statistics({ value }: { value: SeedStatistics }) {
  const last = value.firstSeed + value.runs - 1;
  const conflicts = Object.entries(value.conflicts);
  return (
    <div data-testid="sim-seed-statistics">
      <p className="small">
        {value.scenario}, seeds {value.firstSeed} to {last}: {value.commits.mean.toFixed(1)} commits a run ({value.commits.min} to {value.commits.max});{' '}
        conflicts {conflicts.length > 0 ? conflicts.map(([kind, n]) => `${kind} ${n}`).join(', ') : 'none'};{' '}
        invariants broken in {value.violations.length} run(s){value.violations.length > 0 ? ` (seeds ${value.violations.slice(0, 10).map((v) => v.seed).join(', ')}${value.violations.length > 10 ? ', …' : ''})` : ''}.
      </p>
      <table className="small">
        <thead><tr><th>writer</th><th>ended (runs)</th></tr></thead>
        <tbody>
          {Object.entries(value.outcomes).map(([writer, counts]) => (
            <tr key={writer}><td>{writer}</td><td>{Object.entries(counts).map(([outcome, n]) => `${outcome} ${n}`).join(', ')}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
