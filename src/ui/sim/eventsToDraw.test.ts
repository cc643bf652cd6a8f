import { describe, expect, it } from 'vitest';
import { drawnWholeUpTo, eventsToDraw } from './eventsToDraw.ts';
import type { TraceEvent } from '../../sim/trace.ts';

const x = (t: number) => t; // one pixel per millisecond

describe('the events the swimlane draws', () => {
  it('draws a short trace whole', () => {
    const trace: TraceEvent[] = [{ t: 0, writer: 'a', kind: 'read' }, { t: 0, writer: 'a', kind: 'think' }, { t: 1, writer: 'b', kind: 'committed', version: 1 }];
    expect(eventsToDraw(trace, x)).toEqual([0, 1, 2]);
  });

  it('draws a long trace as one event per writer every few pixels, the one that matters most', () => {
    const trace: TraceEvent[] = [];
    for (let t = 0; t < 1_000; t++) {
      for (const writer of ['a', 'b']) {
        trace.push({ t, writer, kind: 'think' }, { t, writer, kind: 'attempt' }, { t, writer, kind: 'versionTaken' });
        if (t === 500 && writer === 'b') trace.push({ t, writer, kind: 'committed', version: 7 });
      }
    }
    expect(trace.length).toBeGreaterThan(drawnWholeUpTo);
    const drawn = eventsToDraw(trace, x);
    expect(drawn.length).toBeLessThanOrEqual(2 * Math.ceil(1_000 / 3));
    expect(drawn).toEqual([...drawn].sort((p, q) => p - q));
    const kinds = drawn.map((i) => trace[i]!.kind);
    expect(kinds.filter((k) => k === 'committed')).toHaveLength(1);
    expect(new Set(kinds)).toEqual(new Set(['versionTaken', 'committed']));
    expect(new Set(drawn.map((i) => trace[i]!.writer))).toEqual(new Set(['a', 'b']));
  });
});
