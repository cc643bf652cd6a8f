import type { SweepPoint } from '../../sim/sweep.ts';
import { LoadableView } from '../shared/LoadableView.tsx';
import { useSimActions, useSimState } from './SimContext.tsx';
import { BatchProgress } from './BatchProgress.tsx';

const width = 520;
const height = 180;

/** Conflict rate and throughput against the number of writers. */
export function SweepChart() {
  const sweep = useSimState((s) => s.sweep);
  const actions = useSimActions();
  const running = useSimState((s) => s.batch?.kind === 'sweep');
  return (
    <div className="sweep">
      <button type="button" disabled={running} onClick={() => void actions.runSweep()} data-testid="sim-sweep">Sweep: 1 to 16 writers on one file</button>
      <BatchProgress kind="sweep" />
      {!running && <LoadableView value={sweep} what="the sweep">
        {(points) => <Chart points={points} />}
      </LoadableView>}
    </div>
  );
}

function Chart({ points }: { points: SweepPoint[] }) {
  const maxWriters = Math.max(...points.map((p) => p.writers));
  const maxThroughput = Math.max(0.001, ...points.map((p) => p.throughput));
  const x = (w: number) => 40 + (Math.log2(w) / Math.log2(Math.max(2, maxWriters))) * (width - 80);
  const y = (fraction: number) => height - 30 - fraction * (height - 50);
  const line = (value: (p: SweepPoint) => number) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.writers).toFixed(1)},${y(value(p)).toFixed(1)}`).join(' ');
  return (
    <figure data-testid="sweep-chart">
      <svg width={width} height={height} role="img" aria-label={points.map((p) => `${p.writers} writers: conflict rate ${p.conflictRate}, ${p.throughput} commits/s`).join('; ')}>
        <path d={line((p) => p.conflictRate)} fill="none" stroke="var(--remove)" strokeWidth={2} />
        <path d={line((p) => p.throughput / maxThroughput)} fill="none" stroke="var(--add)" strokeWidth={2} />
        {points.map((p) => <text key={p.writers} x={x(p.writers) - 4} y={height - 10} className="lane-label">{p.writers}</text>)}
      </svg>
      <figcaption className="muted small">writers (log scale) → <span className="removed">conflicts per attempt</span> (0 to 1), <span className="added">commits per second</span> (up to {maxThroughput})</figcaption>
    </figure>
  );
}
