/**
 * A run's figures, counted from its trace alone: commits, conflicts by kind, version retries,
 * recomputes and wasted writes (data files written by attempts that never committed), for the
 * whole run and for each writer. The page, `lakelab sim` and the rule comparison all count with
 * this one function, so their numbers agree.
 */
import type { SimResult } from './trace.ts';

export interface WriterFigures {
  commits: number;
  conflicts: Record<string, number>;
  /** Commit attempts that found their version taken. */
  retries: number;
  recomputes: number;
  /** Planned writes (transactions whose data files were written) that never committed. */
  wasted: number;
  /** The data files those wasted writes wrote: orphans no version names. */
  wastedFiles: number;
}

export interface SimFigures extends WriterFigures {
  /** Commits per second of (virtual or real) time. */
  throughput: number;
  writers: Record<string, WriterFigures>;
}

export const noFigures = (): WriterFigures => ({ commits: 0, conflicts: {}, retries: 0, recomputes: 0, wasted: 0, wastedFiles: 0 });

export function summarise(result: Pick<SimResult, 'trace'>): SimFigures {
  const total = noFigures();
  const writers: Record<string, WriterFigures> = {};
  // Each writer's planned write not yet committed: the data files it wrote.
  const pending = new Map<string, number>();
  const waste = (writer: string) => {
    const files = pending.get(writer);
    if (files === undefined) return;
    pending.delete(writer);
    for (const figures of [total, writers[writer]!]) {
      figures.wasted++;
      figures.wastedFiles += files;
    }
  };
  let end = 0;
  for (const e of result.trace) {
    end = Math.max(end, e.t);
    const mine = (writers[e.writer] ??= noFigures());
    const both = [total, mine];
    if (e.kind === 'committed' || e.kind === 'lease-released') for (const f of both) f.commits++;
    if (e.kind === 'committed' && e.operation !== undefined) pending.delete(e.writer);
    if (e.kind === 'conflict' && e.conflictKind) for (const f of both) f.conflicts[e.conflictKind] = (f.conflicts[e.conflictKind] ?? 0) + 1;
    if (e.kind === 'versionTaken') for (const f of both) f.retries++;
    if (e.kind === 'recompute') for (const f of both) f.recomputes++;
    if (e.kind === 'planned') {
      waste(e.writer);
      pending.set(e.writer, e.dataFiles ?? 0);
    }
  }
  for (const writer of [...pending.keys()]) waste(writer);
  return { ...total, throughput: end > 0 ? Math.round((total.commits / end) * 1000 * 100) / 100 : 0, writers };
}

/** "no conflicts", or "conflicts: ConcurrentDeleteRead 2, ConcurrentAppend 1". */
export function describeConflicts(conflicts: Readonly<Record<string, number>>): string {
  const kinds = Object.entries(conflicts);
  return kinds.length === 0 ? 'no conflicts' : `conflicts: ${kinds.map(([kind, count]) => `${kind} ${count}`).join(', ')}`;
}

/** A writer's figures in one line, as `lakelab sim` prints them and the rule comparison shows them. */
export function describeWriterFigures(outcome: string | undefined, f: WriterFigures): string {
  return `${outcome ?? 'no outcome'}; ${describeFigures(f)}`;
}

/** "commits 2, no conflicts, version retries 1, recomputes 0, wasted writes 1 (2 data files)". */
export function describeFigures(f: WriterFigures): string {
  return `commits ${f.commits}, ${describeConflicts(f.conflicts)}, version retries ${f.retries}, recomputes ${f.recomputes}, wasted writes ${f.wasted} (${f.wastedFiles} data file${f.wastedFiles === 1 ? '' : 's'})`;
}
