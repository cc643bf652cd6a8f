import { useMemo } from 'react';
import type { TraceEvent } from '../../sim/trace.ts';
import { toLeaseSpans } from '../../sim/leaseSpans.ts';
import { colourOf, isDecisive, labelOf, swimlaneKey } from './swimlaneKey.ts';
import { eventsToDraw } from './eventsToDraw.ts';
import type { InvariantViolation } from '../../sim/invariants.ts';
import { ViolationMarks } from './ViolationMarks.tsx';

const laneHeight = 34;
const left = 110;
const width = 900;

/** Up to this many events, the decisive ones carry a label on their lane. */
const labelledUpTo = 80;

/** Where everything of one trace goes, worked out once per trace (a live run has hundreds of thousands of events). */
function layoutOf(trace: TraceEvent[]) {
  const writers = [...new Set(trace.map((e) => e.writer))];
  const laneOf = new Map(writers.map((w, i) => [w, i]));
  // Not Math.max(...spread): a live run has more events than the call stack has room for arguments.
  const end = trace.reduce((latest, e) => Math.max(latest, e.t), 1);
  const drawn = eventsToDraw(trace, (t) => (t / end) * (width - left - 20));
  // Keyed by history too: a catalog writer's snapshot 3 is not the Delta table's version 3.
  const keyOf = (catalog: boolean, version: number) => `${catalog ? 'snapshot' : 'version'} ${version}`;
  const commitOf = new Map(trace.filter((e) => e.kind === 'committed' && e.version !== undefined).map((e) => [keyOf(e.catalog === true, e.version!), e]));
  /** A conflict's arrow to the winning commit that caused it. */
  const arrowOf = (index: number) => {
    const conflict = trace[index]!;
    const winner = conflict.kind === 'conflict' && conflict.winningVersion !== undefined ? commitOf.get(keyOf(conflict.catalog === true, conflict.winningVersion)) : undefined;
    return winner ? [{ index, conflict, winner }] : [];
  };
  return {
    writers,
    end,
    height: writers.length * laneHeight + 24,
    x: (t: number) => left + (t / end) * (width - left - 20),
    y: (writer: string) => (laneOf.get(writer) ?? 0) * laneHeight + laneHeight / 2 + 6,
    drawn,
    leaseSpans: toLeaseSpans(trace),
    arrowOf,
    /** Each drawn conflict's arrow. */
    arrows: drawn.flatMap(arrowOf),
    key: swimlaneKey(trace),
  };
}

function describeEvent(e: TraceEvent): string {
  return `${e.t} ms ${e.writer}: ${e.kind}${e.version !== undefined ? ` v${e.version}` : ''}${e.conflictKind ? ` ${e.conflictKind}` : ''}`;
}

/**
 * One lane per writer, virtual time across; a band where a writer holds the lease (dashed once
 * its holder crashed); each conflict points at the winning commit that caused it. Stepping, the
 * event in focus is ringed, a veil fades what is still ahead, and conflicts ahead are not drawn.
 * An invariant the run broke is crossed out where it happened.
 * Lanes and dots are drawn once per trace; a step redraws only the ring, the veil and the arrows.
 */
export function Swimlane({ trace, cursor, onPick, violations = [] }: { trace: TraceEvent[]; cursor: number; onPick: (index: number) => void; violations?: readonly InvariantViolation[] }) {
  const layout = useMemo(() => layoutOf(trace), [trace]);
  const { writers, end, height, x, y, leaseSpans, arrows, arrowOf, key } = layout;
  const lanes = useMemo(() => (
    <>
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
    </>
  ), [layout]);
  const dots = useMemo(() => (
    <>
      {layout.drawn.map((i) => {
        const e = trace[i]!;
        return (
          <circle key={i} cx={x(e.t)} cy={y(e.writer)} r={isDecisive(e.kind) ? 5 : 3} fill={colourOf(e.kind)} onClick={() => onPick(i)} className="trace-dot">
            <title>{describeEvent(e)}</title>
          </circle>
        );
      })}
      {trace.length <= labelledUpTo && trace.map((e, i) => {
        const label = labelOf(e);
        return label && (
          <text key={`label-${i}`} x={x(e.t)} y={y(e.writer) - 9} textAnchor={x(e.t) > width - 100 ? 'end' : x(e.t) < left + 50 ? 'start' : 'middle'} className="event-label">{label}</text>
        );
      })}
    </>
  ), [layout, trace, onPick]);
  const focus = cursor >= 0 ? trace[cursor] : undefined;
  // The arrows up to the event in focus, its own too where a long trace's sampling left it out.
  const shownArrows = arrows.filter((a) => cursor < 0 || a.index <= cursor);
  if (focus && !shownArrows.some((a) => a.index === cursor)) shownArrows.push(...arrowOf(cursor));
  return (
    <figure className="swimlane-figure">
      <svg className="swimlane" width={width} height={height} role="img" aria-label="Writers over virtual time" data-testid="swimlane">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="var(--remove)" /></marker>
        </defs>
        {lanes}
        {shownArrows.map(({ index, conflict, winner }) => (
          <line key={`arrow-${index}`} x1={x(conflict.t)} y1={y(conflict.writer)} x2={x(winner.t)} y2={y(winner.writer)} markerEnd="url(#arrow)"
            className={index === cursor ? 'conflict-arrow focused' : 'conflict-arrow'} data-testid="conflict-arrow">
            <title>{`${conflict.writer}'s ${conflict.conflictKind ?? 'conflict'}: caused by version ${conflict.winningVersion}, committed by ${winner.writer}`}</title>
          </line>
        ))}
        {dots}
        <ViolationMarks violations={violations} x={x} y={y} />
        {focus && (
          <>
            <rect x={x(focus.t) + 8} y={0} width={Math.max(0, width - x(focus.t) - 8)} height={height - 24} className="ahead-veil" data-testid="ahead-veil" />
            <circle cx={x(focus.t)} cy={y(focus.writer)} r={7} fill={colourOf(focus.kind)} stroke="var(--text)" strokeWidth={2} className="trace-dot focus" data-testid="focus-dot">
              <title>{describeEvent(focus)}</title>
            </circle>
          </>
        )}
        <text x={left} y={height - 4} className="lane-label">0 ms</text>
        <text x={width - 10} y={height - 4} className="lane-label" textAnchor="end">{formatSpan(end)}</text>
      </svg>
      <figcaption className="swimlane-key" data-testid="swimlane-key">
        {key.map((entry) => (
          <span key={entry.words}><svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4" fill={entry.colour} /></svg> {entry.words}</span>
        ))}
        {leaseSpans.length > 0 && <span><span className="key-band" aria-hidden="true" /> lease held (dashed: its holder crashed)</span>}
        {arrows.length > 0 && <span><span className="key-arrow" aria-hidden="true">⇢</span> conflict → the commit that caused it</span>}
        {violations.some((v) => v.writer !== undefined && v.t !== undefined) && <span><span className="removed" aria-hidden="true">⊗</span> invariant broken (hover for which)</span>}
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
