/**
 * What must hold after any simulated run: versions are contiguous, each version has exactly
 * the one writer that was told it committed it (no acknowledged commit lost or duplicated), and
 * no committed transaction should have conflicted with a commit it raced.
 */
import { listAll } from '../core/objectStore.ts';
import { loadCommit, loadCommits } from '../core/delta/loadCommits.ts';
import { commitInfoOf } from '../core/delta/actions.ts';
import { logFolder, toLogFile } from '../core/delta/logPaths.ts';
import { checkConflictDeltaRs } from '../core/delta/conflicts/deltaRsRules.ts';
import { checkConflictSpark } from '../core/delta/conflicts/sparkRules.ts';
import { checkConflictDuckLake } from '../core/delta/conflicts/duckLakeRules.ts';
import type { SimRun } from './runScenario.ts';
import { simEngineInfo } from './runWriter.ts';
import { toLeaseSpans } from './leaseSpans.ts';

export async function checkInvariants(run: SimRun, rules: 'delta-rs' | 'spark' | 'ducklake' = 'delta-rs'): Promise<string[]> {
  const problems: string[] = [];
  // A fixture's own history (up to the start) is another engine's: only the run's versions are checked.
  const start = run.startVersion;
  const versions = (await listAll(run.store, logFolder))
    .map((o) => toLogFile(o.key.slice(logFolder.length)))
    .flatMap((f) => (f?.kind === 'commit' && f.version > start ? [f.version] : []))
    .sort((a, b) => a - b);
  versions.forEach((v, i) => {
    if (v !== start + 1 + i) problems.push(`versions are not contiguous: found ${v} at position ${start + 1 + i}`);
  });
  const acknowledged = new Map<number, string[]>();
  for (const c of run.committed) acknowledged.set(c.version, [...(acknowledged.get(c.version) ?? []), c.writer]);
  for (const [version, writers] of acknowledged) {
    if (writers.length > 1) problems.push(`version ${version} was acknowledged to ${writers.join(' and ')}`);
  }
  // Each version read once: a transaction that raced many winners is checked against each of them.
  const commitAt = new Map((await loadCommits(run.store, '', versions)).map((commit) => [commit.version, commit]));
  for (const version of versions) {
    const engine = commitInfoOf(commitAt.get(version)!.actions)?.engineInfo;
    const writers = acknowledged.get(version) ?? [];
    if (writers.length === 0) problems.push(`version ${version} (${engine}) was written but no writer was told it committed`);
    else if (engine !== simEngineInfo(writers[0]!)) problems.push(`version ${version} is ${engine}, but ${writers[0]} was told it committed it`);
  }
  for (const { writer, version, transaction } of run.committed) {
    for (let winner = transaction.readVersion + 1; winner < version; winner++) {
      // A version before the run's start (a fixture's own history) is read when a pinned read reaches back to it.
      const winning = commitAt.get(winner) ?? (await loadCommit(run.store, '', winner));
      const conflict = rules === 'spark' ? checkConflictSpark(transaction, winning) : rules === 'ducklake' ? checkConflictDuckLake(transaction, winning) : checkConflictDeltaRs(transaction, winning);
      if (conflict) problems.push(`${writer} committed version ${version} although version ${winner} conflicts with it (${conflict.kind})`);
    }
  }
  problems.push(...checkLeaseHolders(run));
  return problems;
}

/**
 * At most one lease holder at any time: no tenure starts before the last one ended (a release,
 * a loss, an expiry, or a break; a crash does not end an infinite lease).
 */
export function checkLeaseHolders(run: Pick<SimRun, 'trace'>): string[] {
  const spans = toLeaseSpans(run.trace);
  return spans.flatMap((span, i) => {
    const before = spans[i - 1];
    return before && span.from < before.to ? [`${span.writer} acquired the lease at ${span.from} ms while ${before.writer} held it (until ${before.to} ms)`] : [];
  });
}

/** Lease-following runs that committed must all be in the final catalog (no lost update). */
export async function checkCatalogUpdates(run: SimRun, catalogKey: string, writers: string[]): Promise<string[]> {
  const content = new TextDecoder().decode(await run.store.get(catalogKey));
  return writers.filter((w) => run.outcomes[w] === 'committed' && !content.includes(`${w};`)).map((w) => `${w} committed but its update is not in the catalog`);
}
