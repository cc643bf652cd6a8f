import type { TraceEvent } from '../../sim/trace.ts';
import { toLeaseSpans } from '../../sim/leaseSpans.ts';
import { colourOf, isDecisive, labelOf, swimlaneKey } from './swimlaneKey.ts';

const laneHeight = 34;
const left = 110;
const width = 900;

/** Up to this many events, the decisive ones carry a label on their lane. */
const labelledUpTo = 80;

/**
 * One lane per writer, virtual time across; a band where a writer holds the lease (dashed once
 * its holder crashed); each conflict points at the winning commit that caused it. Stepping, the event in focus is ringed, events still ahead are faint and their
 * conflicts not yet drawn.
 */
export function Swimlane({ trace, writers, cursor, onPick }: { trace: TraceEvent[]; writers: string[]; cursor: number; onPick: (index: number) => void }) {
  // Not Math.max(...spread): a live run of thousands of commits has more events than the call stack has room for arguments.
  const end = trace.reduce((latest, e) => Math.max(latest, e.t), 1);
  const x = (t: number) => left + (t / end) * (width - left - 20);
  const y = (writer: string) => writers.indexOf(writer) * laneHeight + laneHeight / 2 + 6;
  const commitOf = new Map(trace.filter((e) => e.kind === 'committed' && e.version !== undefined).map((e) => [e.version!, e]));
  const leaseSpans = toLeaseSpans(trace);
  return (
    <figure className="swimlane-figure">
      <svg className="swimlane" width={width} height={writers.length * laneHeight + 24} role="img" aria-label="Writers over virtual time" data-testid="swimlane">
        {writers.map((w) => (
          <g key={w}>
            <text x={4} y={y(w) + 4} className="lane-label">{w}</text>
            <line x1={left} x2={width - 10} y1={y(w)} y2={y(w)} className="lane-line" />
          </g>
        ))}
        {leaseSpans.map((span) => (
          <rect key={`lease-${span.writer}-${span.from}`} x={x(span.from)} y={y(span.writer) - 6} width={Math.max(2, x(Math.min(span.to, end)) - x(span.from))} height={12}
            className={span.orphaned ? 'lease-span orphaned' : 'lease-span'} data-testid="lease-span">
            <title>{`${span.writer} held the lease ${span.from}-${span.to} ms${span.orphaned ? ' (its holder crashed)' : ''}: ${span.end}`}</title>
          </rect>
        ))}
        {trace.map((e, i) => {
          const winner = e.kind === 'conflict' && e.winningVersion !== undefined ? commitOf.get(e.winningVersion) : undefined;
          if (!winner || (cursor >= 0 && i > cursor)) return null;
          return (
            <line key={`arrow-${i}`} x1={x(e.t)} y1={y(e.writer)} x2={x(winner.t)} y2={y(winner.writer)} markerEnd="url(#arrow)"
              className={i === cursor ? 'conflict-arrow focused' : 'conflict-arrow'} data-testid="conflict-arrow">
              <title>{`${e.writer}'s ${e.conflictKind ?? 'conflict'}: caused by version ${e.winningVersion}, committed by ${winner.writer}`}</title>
            </line>
          );
        })}
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="var(--remove)" /></marker>
        </defs>
        {trace.map((e, i) => (
          <circle key={i} cx={x(e.t)} cy={y(e.writer)} r={i === cursor ? 7 : isDecisive(e.kind) ? 5 : 3}
            fill={colourOf(e.kind)} stroke={i === cursor ? 'var(--text)' : 'none'} strokeWidth={2}
            onClick={() => onPick(i)} className={cursor >= 0 && i > cursor ? 'trace-dot ahead' : 'trace-dot'}>
            <title>{`${e.t} ms ${e.writer}: ${e.kind}${e.version !== undefined ? ` v${e.version}` : ''}${e.conflictKind ? ` ${e.conflictKind}` : ''}`}</title>
          </circle>
        ))}
        {trace.length <= labelledUpTo && trace.map((e, i) => {
          const label = labelOf(e);
          return label && (
            <text key={`label-${i}`} x={x(e.t)} y={y(e.writer) - 9} textAnchor={x(e.t) > width - 100 ? 'end' : x(e.t) < left + 50 ? 'start' : 'middle'} className={cursor >= 0 && i > cursor ? 'event-label ahead' : 'event-label'}>{label}</text>
          );
        })}
        <text x={left} y={writers.length * laneHeight + 20} className="lane-label">0 ms</text>
        <text x={width - 10} y={writers.length * laneHeight + 20} className="lane-label" textAnchor="end">{formatSpan(end)}</text>
      </svg>
      <figcaption className="swimlane-key" data-testid="swimlane-key">
        {swimlaneKey(trace).map((entry) => (
          <span key={entry.words}><svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4" fill={entry.colour} /></svg> {entry.words}</span>
        ))}
        {leaseSpans.length > 0 && <span><span className="key-band" aria-hidden="true" /> lease held (dashed: its holder crashed)</span>}
        {trace.some((e) => e.kind === 'conflict' && e.winningVersion !== undefined) && <span><span className="key-arrow" aria-hidden="true">⇢</span> conflict → the commit that caused it</span>}
      </figcaption>
    </figure>
  );
}

/** Virtual time for the axis: milliseconds while short, then seconds, minutes, hours. */
export function formatSpan(ms: number): string {
  if (ms < 10_000) return `${ms} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  const hours = Math.floor(ms / 3_600_000);
  return `${hours} h ${Math.round((ms - hours * 3_600_000) / 60_000)} min`;
}
