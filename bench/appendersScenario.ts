/** The simulator benchmark's workload: `writers` blind appenders racing, `commitsEach` commits each. */
import type { Scenario } from '../src/sim/scenario.ts';

export function appendersScenario(writers: number, commitsEach: number): Scenario {
  return {
    version: 1, name: `appenders-${writers}x${commitsEach}`, title: `${writers} appenders x ${commitsEach} commits`, explanation: 'Blind appends, all racing.',
    table: { schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] }, rows: [{ id: 0 }] },
    writers: Array.from({ length: writers }, (_, w) => ({
      name: `w${w + 1}`, maxRetries: 10_000,
      steps: [{ read: 'HEAD' as const }, ...Array.from({ length: commitsEach }, (_, c) => ({ append: [{ id: w * 1000 + c }] }))],
    })),
  };
}
