import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations } from '../workers/simOperationsNode.ts';
import { toLeaseSpans } from './leaseSpans.ts';
import { checkLeaseHolders } from './invariants.ts';
import { runScenario, type SimDependencies } from './runScenario.ts';
import { scenarioLibrary } from './scenarioLibrary.ts';
import type { TraceEvent } from './trace.ts';

const deps: SimDependencies = {
  makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }),
  operations: simOperations,
  settle: () => new Promise((resolve) => setImmediate(resolve)),
};
beforeAll(async () => { await loadParquetWasm(); });

const at = (t: number, writer: string, kind: TraceEvent['kind']): TraceEvent => ({ t, writer, kind });

describe('lease spans', () => {
  it('runs from acquire to release or loss', () => {
    expect(toLeaseSpans([at(1, 'a', 'lease-acquired'), at(2, 'b', 'lease-refused'), at(5, 'a', 'lease-released'), at(6, 'b', 'lease-acquired'), at(9, 'b', 'lease-lost')])).toEqual([
      { writer: 'a', from: 1, to: 5, end: 'released', orphaned: false },
      { writer: 'b', from: 6, to: 9, end: 'lost', orphaned: false },
    ]);
  });

  it('keeps a crashed holder holding until another writer breaks the lease, or to the end', () => {
    expect(toLeaseSpans([at(1, 'a', 'lease-acquired'), at(3, 'a', 'crash'), at(40, 'b', 'lease-broken'), at(41, 'b', 'lease-acquired'), at(50, 'b', 'lease-released')])).toEqual([
      { writer: 'a', from: 1, to: 40, end: 'broken', orphaned: true },
      { writer: 'b', from: 41, to: 50, end: 'released', orphaned: false },
    ]);
    expect(toLeaseSpans([at(1, 'a', 'lease-acquired'), at(3, 'a', 'crash'), at(8, 'b', 'lease-refused')])).toEqual([
      { writer: 'a', from: 1, to: 8, end: 'held', orphaned: true },
    ]);
  });

  it('ends a crashed holder\'s fixed lease when it expires: its last heartbeat plus its duration', () => {
    const renewed = (t: number, writer: string): TraceEvent => ({ t, writer, kind: 'lease-renewed', leaseSeconds: 15 });
    expect(toLeaseSpans([{ t: 0, writer: 'a', kind: 'lease-acquired', leaseSeconds: 15 }, renewed(7_500, 'a'), at(9_000, 'a', 'crash'), at(30_000, 'b', 'lease-acquired')])).toEqual([
      { writer: 'a', from: 0, to: 22_500, end: 'expired', orphaned: true },
      { writer: 'b', from: 30_000, to: 30_000, end: 'held', orphaned: false },
    ]);
  });

  it('never overlaps in the built-in lease scenarios whose writers all follow the protocol', async () => {
    for (const name of ['lease-single-writer', 'lease-crash-recovery', 'lease-fixed-heartbeat']) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const scenario = scenarioLibrary.find((s) => s.name === name);
        if (!scenario) throw new Error(`no scenario ${name}`);
        const spans = toLeaseSpans((await runScenario(scenario, seed, deps)).trace);
        expect(spans.length).toBeGreaterThan(0);
        for (const [i, span] of spans.entries()) {
          const next = spans[i + 1];
          if (next) expect(next.from, `${name} seed ${seed}`).toBeGreaterThanOrEqual(span.to);
        }
      }
    }
  });

  it('gives the invariant checker a second holder: an acquire while a crashed writer still holds an infinite lease', () => {
    const trace = [at(1, 'a', 'lease-acquired'), at(3, 'a', 'crash'), at(9, 'b', 'lease-acquired'), at(12, 'b', 'lease-released')];
    expect(checkLeaseHolders({ trace })).toEqual([{ invariant: 'one-lease-holder', message: 'b acquired the lease at 9 ms while a held it (until 12 ms)', writer: 'b', t: 9 }]);
    const broken = [at(1, 'a', 'lease-acquired'), at(3, 'a', 'crash'), at(8, 'b', 'lease-broken'), at(9, 'b', 'lease-acquired'), at(12, 'b', 'lease-released')];
    expect(checkLeaseHolders({ trace: broken })).toEqual([]);
  });

  it('takes a live run with more events than the call stack has room for arguments', () => {
    const trace = Array.from({ length: 300_000 }, (_, i): TraceEvent => ({ t: i, writer: `w${i % 32}`, kind: 'attempt' }));
    expect(toLeaseSpans(trace)).toEqual([]);
  });
});
