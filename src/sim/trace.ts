import type { SimFigures } from './figures.ts';

/** The trace of a simulated run: what each writer did, when, in virtual time. The timeline draws it and nothing else. */
export type TraceKind =
  | 'read' | 'think' | 'planned' | 'attempt' | 'versionTaken' | 'checked'
  | 'committed' | 'conflict' | 'exhausted' | 'recompute' | 'skipped' | 'error'
  | 'lease-acquired' | 'lease-renewed' | 'lease-refused' | 'lease-broken' | 'lease-released' | 'lease-lost' | 'crash';

export interface TraceEvent {
  /** Virtual milliseconds since the run started. */
  t: number;
  writer: string;
  kind: TraceKind;
  /** The version read, attempted or committed. */
  version?: number;
  winningVersion?: number;
  conflictKind?: string;
  operation?: string;
  message?: string;
  /** For a conflict: the files that decided it (the winner removed or added them). */
  files?: string[];
  /** For a planned write: how many data files it wrote. */
  dataFiles?: number;
  /** For a conflict: what would have let it through, found by re-checking the race under every isolation level and rule set. */
  advice?: string;
  /** For a fixed lease acquired or renewed: how long it lasts without another renewal. */
  leaseSeconds?: number;
  /** A catalog database writer's event: its versions are the DuckLake catalog's snapshot ids, not the Delta table's. */
  catalog?: true;
}

/** Whether two events' versions count in the same history (the Delta table's, or the DuckLake catalog's snapshot ids). */
export const sameHistory = (a: Pick<TraceEvent, 'catalog'>, b: Pick<TraceEvent, 'catalog'>): boolean => (a.catalog === true) === (b.catalog === true);

export type WriterOutcome = 'committed' | 'exhausted' | 'error' | string;

export interface SimResult {
  scenario: string;
  seed: number;
  trace: TraceEvent[];
  /** Each writer's last outcome: committed, exhausted, error, or the conflict's kind. */
  outcomes: Record<string, WriterOutcome>;
  finalVersion: number;
  events: number;
}

// Counted in figures.ts; named here too for callers outside src/sim (the benchmark).
export { summarise } from './figures.ts';

/**
 * A run as JSON lines: one event per line, then its summary. `lakelab sim --format jsonl` prints
 * it and the page exports it, so a trace from either can be compared with the other line by line.
 */
export function toTraceJsonl(run: Omit<SimResult, 'events'>, figures: SimFigures, violations: readonly { message: string }[]): string {
  const lines = run.trace.map((event) => JSON.stringify(event));
  const invariantViolations = violations.map((v) => v.message);
  lines.push(JSON.stringify({ summary: { scenario: run.scenario, seed: run.seed, ...figures, outcomes: run.outcomes, finalVersion: run.finalVersion, invariantViolations } }));
  return `${lines.join('\n')}\n`;
}
