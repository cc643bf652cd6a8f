import type { SweepPoint } from '../../sim/sweep.ts';
import { LoadableView } from '../shared/LoadableView.tsx';
import { LineChart } from '../shared/LineChart.tsx';
import { useSimActions, useSimState } from './SimContext.tsx';
import { BatchProgress } from './BatchProgress.tsx';

/** Conflict rate and throughput against the number of writers: the built-in workload, or the scenario shown, scaled. */
export function SweepChart() {
  const sweep = useSimState((s) => s.sweep);
  const sweepOf = useSimState((s) => s.sweepOf);
  const actions = useSimActions();
  const running = useSimState((s) => s.batch?.kind === 'sweep');
  return (
    <div className="sweep">
      <div className="sim-controls">
        <button type="button" disabled={running} onClick={() => void actions.runSweep()} data-testid="sim-sweep">Sweep: 1 to 16 writers on one file</button>
        <button type="button" disabled={running} onClick={() => void actions.runSweep(true)} data-testid="sim-sweep-selected" title="This scenario with 1, 2, 4, 8 and 16 writers: its own writers, then copies of them in turn">Sweep this scenario: 1 to 16 writers</button>
      </div>
      <BatchProgress kind="sweep" />
      {!running && <LoadableView value={sweep} what="the sweep">
        {(points) => <Charts points={points} of={sweepOf} />}
      </LoadableView>}
    </div>
  );
}

function Charts({ points, of }: { points: SweepPoint[]; of?: string }) {
  const xs = points.map((p) => p.writers);
  return (
    <figure data-testid="sweep-chart" aria-label={points.map((p) => `${p.writers} writers: conflict rate ${p.conflictRate}, ${p.throughput} commits/s`).join('; ')}>
      <figcaption className="muted small">{of ? `${of}, scaled to each number of writers` : 'writers updating their own rows of one file, recomputing on conflict'} (seed as above)</figcaption>
      <LineChart xs={xs} xLabel="writers" series={{ label: 'conflicts per commit attempt', values: points.map((p) => p.conflictRate), format: (n) => n.toFixed(2) }} height={140} testId="sweep-conflicts" />
      <LineChart xs={xs} xLabel="writers" series={{ label: 'commits per second (virtual time)', values: points.map((p) => p.throughput), format: (n) => n.toFixed(1) }} height={140} testId="sweep-throughput" />
      <table className="small" data-testid="sweep-table">
        <thead><tr><th>writers</th>{points.map((p) => <th key={p.writers}>{p.writers}</th>)}</tr></thead>
        <tbody>
          <tr><th>conflicts per attempt</th>{points.map((p) => <td key={p.writers}>{p.conflictRate}</td>)}</tr>
          <tr><th>commits/s</th>{points.map((p) => <td key={p.writers}>{p.throughput}</td>)}</tr>
        </tbody>
      </table>
    </figure>
  );
}
