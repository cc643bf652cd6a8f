import type { TraceEvent } from '../../sim/trace.ts';

const laneHeight = 34;
const left = 110;
const width = 900;

const colour: Partial<Record<TraceEvent['kind'], string>> = {
  read: 'var(--accent)', committed: 'var(--add)', conflict: 'var(--remove)', exhausted: 'var(--remove)', error: 'var(--remove)',
  attempt: 'var(--muted)', versionTaken: 'orange', recompute: 'orange', skipped: 'var(--muted)',
  'lease-acquired': 'var(--accent)', 'lease-released': 'var(--add)', 'lease-refused': 'var(--remove)', 'lease-broken': 'orange', 'lease-lost': 'var(--remove)', crash: 'var(--remove)',
};

/** One lane per writer, virtual time across; the event in focus is ringed, a conflict points at its winner. */
export function Swimlane({ trace, writers, cursor, onPick }: { trace: TraceEvent[]; writers: string[]; cursor: number; onPick: (index: number) => void }) {
  const end = Math.max(1, ...trace.map((e) => e.t));
  const x = (t: number) => left + (t / end) * (width - left - 20);
  const y = (writer: string) => writers.indexOf(writer) * laneHeight + laneHeight / 2 + 6;
  const commitOf = new Map(trace.filter((e) => e.kind === 'committed' && e.version !== undefined).map((e) => [e.version!, e]));
  const focus = trace[cursor];
  return (
    <svg className="swimlane" width={width} height={writers.length * laneHeight + 24} role="img" aria-label="Writers over virtual time" data-testid="swimlane">
      {writers.map((w) => (
        <g key={w}>
          <text x={4} y={y(w) + 4} className="lane-label">{w}</text>
          <line x1={left} x2={width - 10} y1={y(w)} y2={y(w)} className="lane-line" />
        </g>
      ))}
      {focus?.kind === 'conflict' && focus.winningVersion !== undefined && commitOf.get(focus.winningVersion) && (
        <line x1={x(focus.t)} y1={y(focus.writer)} x2={x(commitOf.get(focus.winningVersion)!.t)} y2={y(commitOf.get(focus.winningVersion)!.writer)} className="conflict-arrow" markerEnd="url(#arrow)" />
      )}
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="var(--remove)" /></marker>
      </defs>
      {trace.map((e, i) => (
        <circle key={i} cx={x(e.t)} cy={y(e.writer)} r={i === cursor ? 7 : ['committed', 'conflict', 'crash', 'lease-refused', 'lease-broken'].includes(e.kind) ? 5 : 3}
          fill={colour[e.kind] ?? 'var(--muted)'} stroke={i === cursor ? 'var(--text)' : 'none'} strokeWidth={2}
          onClick={() => onPick(i)} className="trace-dot">
          <title>{`${e.t} ms ${e.writer}: ${e.kind}${e.version !== undefined ? ` v${e.version}` : ''}${e.conflictKind ? ` ${e.conflictKind}` : ''}`}</title>
        </circle>
      ))}
      <text x={left} y={writers.length * laneHeight + 20} className="lane-label">0 ms</text>
      <text x={width - 70} y={writers.length * laneHeight + 20} className="lane-label">{end} ms</text>
    </svg>
  );
}
