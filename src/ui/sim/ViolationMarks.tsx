import type { InvariantViolation } from '../../sim/invariants.ts';

/** An invariant the run broke, marked where it happened: a red cross on the writer's lane at that time. */
export function ViolationMarks({ violations, x, y }: { violations: readonly InvariantViolation[]; x: (t: number) => number; y: (writer: string) => number }) {
  return (
    <>
      {violations.flatMap((v, i) => (v.writer === undefined || v.t === undefined ? [] : [(
        <g key={`violation-${i}`} transform={`translate(${x(v.t)},${y(v.writer)})`} data-testid="violation-mark" className="violation-mark">
          <circle r={9} fill="none" stroke="var(--remove)" strokeWidth={2} />
          <path d="M-5,-5 L5,5 M5,-5 L-5,5" stroke="var(--remove)" strokeWidth={2.5} />
          <title>{`invariant broken (${v.invariant}): ${v.message}`}</title>
        </g>
      )]))}
    </>
  );
}

