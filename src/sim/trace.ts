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
  /** For a conflict: what would have let it through, found by re-checking the race under every isolation level and rule set. */
  advice?: string;
  /** For a fixed lease acquired or renewed: how long it lasts without another renewal. */
  leaseSeconds?: number;
}

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

export interface SimFigures {
  commits: number;
  conflicts: Record<string, number>;
  /** Commit attempts that found their version taken. */
  retries: number;
  recomputes: number;
  /** Transactions planned (data files written) that never committed. */
  wasted: number;
  /** Commits per second of (virtual or real) time. */
  throughput: number;
}

export function summarise(result: Pick<SimResult, 'trace'>): SimFigures {
  const conflicts: Record<string, number> = {};
  let commits = 0;
  let retries = 0;
  let recomputes = 0;
  let planned = 0;
  let end = 0;
  for (const e of result.trace) {
    end = Math.max(end, e.t);
    if (e.kind === 'committed' || e.kind === 'lease-released') commits++;
    if (e.kind === 'conflict' && e.conflictKind) conflicts[e.conflictKind] = (conflicts[e.conflictKind] ?? 0) + 1;
    if (e.kind === 'versionTaken') retries++;
    if (e.kind === 'recompute') recomputes++;
    if (e.kind === 'planned') planned++;
  }
  const plannedCommits = result.trace.filter((e) => e.kind === 'committed' && e.operation !== undefined).length;
  return { commits, conflicts, retries, recomputes, wasted: Math.max(0, planned - plannedCommits), throughput: end > 0 ? Math.round((commits / end) * 1000 * 100) / 100 : 0 };
}

/** "no conflicts", or "conflicts: ConcurrentDeleteRead 2, ConcurrentAppend 1". */
export function describeConflicts(conflicts: Readonly<Record<string, number>>): string {
  const kinds = Object.entries(conflicts);
  return kinds.length === 0 ? 'no conflicts' : `conflicts: ${kinds.map(([kind, count]) => `${kind} ${count}`).join(', ')}`;
}

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
