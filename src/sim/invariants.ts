/**
 * What must hold after any simulated run, read from the store at the end: versions are
 * contiguous, each version has exactly the one writer that was told it committed it (no
 * acknowledged commit lost or duplicated), no committed transaction should have conflicted with
 * a commit it raced, at most one writer held the catalog's lease at a time, and every catalog
 * update the store acknowledged is in the final catalog (no lost update).
 */
import { listAll } from '../core/objectStore.ts';
import { loadCommit, loadCommits } from '../core/delta/loadCommits.ts';
import { commitInfoOf } from '../core/delta/actions.ts';
import { logFolder, toLogFile } from '../core/delta/logPaths.ts';
import { checkConflict, type ConflictRules } from '../core/delta/conflicts/conflictChecker.ts';
import type { SimRun } from './runScenario.ts';
import { simEngineInfo } from './runWriter.ts';
import { toLeaseSpans } from './leaseSpans.ts';
import { catalogKey, type CatalogReader } from './simCatalog.ts';
import { LakeError } from '../core/errors.ts';

export type Invariant = 'contiguous-versions' | 'one-writer-per-version' | 'no-missed-conflict' | 'one-lease-holder' | 'no-lost-update'
  /** The log could be read back and checked at all (a live run's store worker may fail to). */
  | 'log-checked';

export interface InvariantViolation {
  invariant: Invariant;
  message: string;
  /** Whom it concerns and when (virtual ms): where the swimlane marks it. */
  writer?: string;
  t?: number;
}

type Checked = Pick<SimRun, 'store' | 'committed' | 'startVersion' | 'trace'> & Partial<Pick<SimRun, 'catalogUpdates' | 'catalogReader'>>;

export async function checkInvariants(run: Checked, rules: ConflictRules = 'delta-rs'): Promise<InvariantViolation[]> {
  const problems: InvariantViolation[] = [];
  const commitTime = new Map(run.trace.filter((e) => e.kind === 'committed' && e.version !== undefined && !e.catalog).map((e) => [e.version!, e.t]));
  // A fixture's own history (up to the start) is another engine's: only the run's versions are checked.
  const start = run.startVersion;
  const versions = (await listAll(run.store, logFolder))
    .map((o) => toLogFile(o.key.slice(logFolder.length)))
    .flatMap((f) => (f?.kind === 'commit' && f.version > start ? [f.version] : []))
    .sort((a, b) => a - b);
  versions.forEach((v, i) => {
    if (v !== start + 1 + i) problems.push({ invariant: 'contiguous-versions', message: `versions are not contiguous: found ${v} at position ${start + 1 + i}` });
  });
  const acknowledged = new Map<number, string[]>();
  for (const c of run.committed) acknowledged.set(c.version, [...(acknowledged.get(c.version) ?? []), c.writer]);
  for (const [version, writers] of acknowledged) {
    if (writers.length > 1) problems.push({ invariant: 'one-writer-per-version', message: `version ${version} was acknowledged to ${writers.join(' and ')}`, t: commitTime.get(version) });
  }
  // Each version read once: a transaction that raced many winners is checked against each of them.
  const commitAt = new Map((await loadCommits(run.store, '', versions)).map((commit) => [commit.version, commit]));
  for (const version of versions) {
    const engine = commitInfoOf(commitAt.get(version)!.actions)?.engineInfo;
    const writers = acknowledged.get(version) ?? [];
    if (writers.length === 0) problems.push({ invariant: 'one-writer-per-version', message: `version ${version} (${engine}) was written but no writer was told it committed` });
    else if (engine !== simEngineInfo(writers[0]!)) problems.push({ invariant: 'one-writer-per-version', message: `version ${version} is ${engine}, but ${writers[0]} was told it committed it`, writer: writers[0], t: commitTime.get(version) });
  }
  for (const { writer, version, transaction } of run.committed) {
    for (let winner = transaction.readVersion + 1; winner < version; winner++) {
      // A version before the run's start (a fixture's own history) is read when a pinned read reaches back to it.
      const winning = commitAt.get(winner) ?? (await loadCommit(run.store, '', winner));
      const conflict = checkConflict(transaction, [winning], rules);
      if (conflict) problems.push({ invariant: 'no-missed-conflict', message: `${writer} committed version ${version} although version ${winner} conflicts with it (${conflict.kind})`, writer, t: commitTime.get(version) });
    }
  }
  problems.push(...checkLeaseHolders(run));
  problems.push(...(await checkCatalogUpdates(run)));
  return problems;
}

/**
 * At most one lease holder at any time: no tenure starts before the last one ended (a release,
 * a loss, an expiry, or a break; a crash does not end an infinite lease).
 */
export function checkLeaseHolders(run: Pick<SimRun, 'trace'>): InvariantViolation[] {
  const spans = toLeaseSpans(run.trace);
  return spans.flatMap((span, i) => {
    const before = spans[i - 1];
    return before && span.from < before.to
      ? [{ invariant: 'one-lease-holder' as const, message: `${span.writer} acquired the lease at ${span.from} ms while ${before.writer} held it (until ${before.to} ms)`, writer: span.writer, t: span.from }]
      : [];
  });
}

/**
 * No lost update: every catalog update the store acknowledged is among the updates the final
 * catalog, read from the store, holds. Whatever the writers believe (all of them may have been
 * told their upload succeeded), only the catalog that is left counts.
 */
export async function checkCatalogUpdates(run: Pick<SimRun, 'store'> & Partial<Pick<SimRun, 'catalogUpdates' | 'catalogReader'>>, reader: CatalogReader | undefined = run.catalogReader, key = catalogKey): Promise<InvariantViolation[]> {
  const updates = run.catalogUpdates ?? [];
  if (updates.length === 0) return [];
  if (!reader) throw new LakeError('InvalidInput', 'catalog updates were acknowledged, but no catalog reader was given to check them');
  const held = await reader.updatesIn(await run.store.get(key));
  return updates.filter((u) => !held.has(u.update)).map((u) => ({
    invariant: 'no-lost-update' as const,
    message: `${u.writer}'s catalog update, acknowledged at ${u.t} ms, is not in the final catalog: a later upload replaced it (lost update)`,
    writer: u.writer,
    t: u.t,
  }));
}

/** The violations in words, as the CLI prints them and the trace export lists them. */
export function toViolationMessages(violations: readonly InvariantViolation[]): string[] {
  return violations.map((v) => v.message);
}
