import type { TraceEvent, TraceKind } from '../../sim/trace.ts';
import { isDecisive } from './swimlaneKey.ts';

/** Traces up to this long are drawn whole. */
export const drawnWholeUpTo = 2_000;
/** Past that, one dot per writer per this many pixels: a dot is 6 pixels across, so nothing visible is lost. */
const bucketPixels = 3;

function weightOf(kind: TraceKind): number {
  if (isDecisive(kind)) return 3;
  if (kind === 'versionTaken' || kind === 'recompute' || kind.startsWith('lease-')) return 2;
  return kind === 'read' || kind === 'attempt' ? 1 : 0;
}

/**
 * The indices of the events the swimlane draws, ascending. A short trace is drawn whole. A long
 * one (a live run has hundreds of thousands of events, most of them on top of each other) keeps,
 * for each writer and every few pixels, the event that matters most there (a commit or conflict
 * over a retry, a retry over a read, a read over the rest; the first of equals), so the picture
 * is the same with a few thousand nodes instead of a quarter of a million.
 */
export function eventsToDraw(trace: readonly TraceEvent[], xOf: (t: number) => number): number[] {
  if (trace.length <= drawnWholeUpTo) return trace.map((_, i) => i);
  const kept = new Map<string, number>();
  for (let i = 0; i < trace.length; i++) {
    const event = trace[i]!;
    const bucket = `${event.writer}\u0000${Math.floor(xOf(event.t) / bucketPixels)}`;
    const held = kept.get(bucket);
    if (held === undefined || weightOf(event.kind) > weightOf(trace[held]!.kind)) kept.set(bucket, i);
  }
  return [...kept.values()].sort((a, b) => a - b);
}
