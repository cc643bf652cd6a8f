/**
 * A sweep: the same contended workload with more and more writers, to see conflict rate and
 * throughput change as writers grow. Each writer updates its own row of one file and
 * recomputes on conflict (the retry storm).
 */
import type { Scenario } from './scenario.ts';
import type { SimFigures } from './figures.ts';

export const sweepWriterCounts = [1, 2, 4, 8, 16];

export function toSweepScenario(writers: number): Scenario {
  return {
    version: 1,
    name: `sweep-${writers}`,
    title: `${writers} updater(s) of one file`,
    explanation: 'Each writer updates its own row of the same file and recomputes on conflict.',
    table: {
      schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }, { name: 'value', type: 'long', nullable: true, metadata: {} }] },
      rows: Array.from({ length: Math.max(writers, 1) }, (_, i) => ({ id: i, value: 0 })),
    },
    writers: Array.from({ length: writers }, (_, w) => ({
      name: `updater-${w + 1}`, onConflict: 'recompute' as const, recomputeLimit: 64,
      steps: [{ read: 'HEAD' as const }, { update: { set: { value: String(w + 1) }, where: `id = ${w}` } }],
    })),
  };
}

export interface SweepPoint {
  writers: number;
  /** Conflicts per commit attempt. */
  conflictRate: number;
  /** Commits per second of virtual time. */
  throughput: number;
}

export function toSweepPoint(writers: number, figures: SimFigures, attempts: number): SweepPoint {
  const conflicts = Object.values(figures.conflicts).reduce((a, b) => a + b, 0);
  return { writers, conflictRate: attempts > 0 ? Math.round((conflicts / attempts) * 1000) / 1000 : 0, throughput: figures.throughput };
}

/**
 * The selected scenario with `writers` writers: its own writers first, then copies of them in
 * turn (`merge#2`, `cleanup#2`, ...), each with the same steps; the expected outcomes, which
 * name the original writers, are dropped. With fewer writers than the scenario has, the first ones.
 */
export function scaleScenario(scenario: Scenario, writers: number): Scenario {
  const scripts = scenario.writers;
  if (scripts.length === 0) return scenario;
  const scaled = Array.from({ length: writers }, (_, i) => {
    const script = scripts[i % scripts.length]!;
    const round = Math.floor(i / scripts.length);
    return round === 0 ? script : { ...script, name: `${script.name}#${round + 1}` };
  });
  const { expect: _expected, ...rest } = scenario;
  return { ...rest, name: `${scenario.name}-x${writers}`, title: `${scenario.title} (${writers} writer${writers === 1 ? '' : 's'})`, writers: scaled };
}
