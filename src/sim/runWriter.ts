/**
 * One simulated writer: its script run step by step with the real snapshot loading, plans and
 * commit loop, every store call taking virtual time. What it does goes into the trace.
 */
import type { Rng } from '../core/rng.ts';
import { isLakeError } from '../core/errors.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { updateSnapshot } from '../core/delta/updateSnapshot.ts';
import { commitTransaction } from '../core/delta/commitTransaction.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { checkConflict, type ConflictRules } from '../core/delta/conflicts/conflictChecker.ts';
import { addsOf, type IsolationLevel, type Transaction } from '../core/delta/transaction.ts';
import { planSetProperties } from '../core/delta/operations/setProperties.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import type { Clock } from '../core/clock.ts';
import type { Step, WriterScript } from './scenario.ts';
import type { SimOperations } from './simOperations.ts';
import type { TraceEvent, WriterOutcome } from './trace.ts';
import { adviseOnRace } from '../core/delta/conflicts/adviseOnRace.ts';

export interface WriterEnvironment {
  store: ObjectStore;
  /** Virtual time in the deterministic engine, real time in live mode. */
  scheduler: Clock;
  operations: SimOperations;
  isolationLevel?: IsolationLevel;
  startTime: number;
  record: (event: TraceEvent) => void;
  /** Every transaction that committed, with its version (the invariants re-check them). */
  committed: { writer: string; version: number; transaction: Transaction }[];
  /** The conflict rules the commits are judged by (delta-rs's unless comparing). */
  rules?: ConflictRules;
  /** The same objects without latency or faults: a lost race is re-checked there (for its advice) without taking virtual time. */
  inspect?: ObjectStore;
  /** Told each transaction that lost to a conflict, right after its conflict event is recorded (what it read, for the page). */
  lost?: (transaction: Transaction) => void;
}

export const simEngineInfo = (writer: string) => `Lakelab/sim:${writer}`;

export async function runWriter(script: WriterScript, env: WriterEnvironment, rng: Rng): Promise<WriterOutcome> {
  const t = () => env.scheduler.now() - env.startTime;
  const record = (event: Omit<TraceEvent, 't' | 'writer'>) => env.record({ t: t(), writer: script.name, ...event });
  const context = { store: env.store, rng, now: () => env.scheduler.now(), isolationLevel: env.isolationLevel };
  const rules = env.rules ?? 'delta-rs';
  let pinned: 'HEAD' | number = 'HEAD';
  let snapshot: DeltaSnapshot | undefined;
  // The last snapshot read: a read at HEAD brings it forward (only the commits since), a pinned read loads afresh.
  let previous: DeltaSnapshot | undefined;
  let outcome: WriterOutcome = 'committed';
  const read = async (at: 'HEAD' | number) => {
    const codec = env.operations.codec;
    snapshot = at === 'HEAD' && previous ? await updateSnapshot(env.store, previous, { codec }) : await loadSnapshot(env.store, '', { codec, version: at === 'HEAD' ? undefined : at });
    previous = snapshot;
    record({ kind: 'read', version: snapshot.version });
    return snapshot;
  };
  try {
    for (const [index, step] of script.steps.entries()) {
      const isWrite = !('read' in step) && !('think' in step);
      if (script.crashAtStep === index && !isWrite) {
        record({ kind: 'crash', message: `the writer died before step ${index + 1}` });
        return 'crashed';
      }
      if ('read' in step) {
        pinned = step.read;
        await read(pinned);
      } else if ('think' in step) {
        record({ kind: 'think', message: `${step.think} ms` });
        await env.scheduler.sleep(step.think);
      } else {
        let recomputes = 0;
        for (;;) {
          const base = snapshot ?? (await read(pinned));
          // An idempotent writer skips a batch the table already records for its appId.
          const done = 'append' in step && step.txn ? base.appTransactions.get(step.txn.appId) : undefined;
          if (done && 'append' in step && step.txn && done.version >= step.txn.version) {
            record({ kind: 'skipped', message: `txn ${step.txn.appId} version ${done.version} is already in the table` });
            outcome = 'skipped';
            break;
          }
          const tx = await plan(step, base, env.operations, context);
          record({ kind: 'planned', operation: tx.operation, version: tx.readVersion, dataFiles: addsOf(tx.actions).length });
          if (script.crashAtStep === index) {
            record({ kind: 'crash', message: 'the writer died after writing its data files, before committing: no version names them' });
            return 'crashed';
          }
          const result = await commitTransaction(env.store, tx, {
            clock: env.scheduler,
            engineInfo: simEngineInfo(script.name),
            maxRetries: script.maxRetries,
            checkConflict: (transaction, winner) => checkConflict(transaction, [winner], rules),
            onEvent: (e) => {
              if (e.kind === 'attempt') record({ kind: 'attempt', version: e.version });
              else if (e.kind === 'versionTaken') record({ kind: 'versionTaken', version: e.version });
              else record({ kind: 'checked', winningVersion: e.winningVersion, conflictKind: e.conflict?.kind });
            },
          });
          snapshot = undefined;
          if (result.status === 'committed') {
            env.committed.push({ writer: script.name, version: result.version, transaction: tx });
            record({ kind: 'committed', version: result.version, operation: tx.operation });
            outcome = 'committed';
            break;
          }
          if (result.status === 'exhausted') {
            record({ kind: 'exhausted', message: result.message });
            return 'exhausted';
          }
          const { text: advice } = await adviseOnRace(env.inspect ?? env.store, tx, rules);
          record({ kind: 'conflict', winningVersion: result.conflict.winningVersion, conflictKind: result.conflict.kind, message: result.message, operation: tx.operation, version: tx.readVersion, files: result.conflict.files, advice });
          env.lost?.(tx);
          if (script.onConflict !== 'recompute' || recomputes >= (script.recomputeLimit ?? 3)) return result.conflict.kind;
          recomputes++;
          pinned = 'HEAD';
          record({ kind: 'recompute' });
        }
      }
    }
  } catch (error) {
    record({ kind: 'error', message: isLakeError(error) ? `${error.code}: ${error.message}` : String(error) });
    return 'error';
  }
  return outcome;
}

function plan(step: Exclude<Step, { read: unknown } | { think: unknown }>, snapshot: DeltaSnapshot, ops: SimOperations, context: Parameters<SimOperations['append']>[2]): Promise<Transaction> {
  if ('append' in step) {
    const extra = step.txn ? [{ txn: { appId: step.txn.appId, version: step.txn.version, lastUpdated: context.now() } }] : undefined;
    return ops.append(snapshot, step.append, context, extra);
  }
  if ('overwrite' in step) return ops.overwrite(snapshot, step.overwrite, step.where, context);
  if ('delete' in step) return ops.delete(snapshot, step.delete, context);
  if ('update' in step) return ops.update(snapshot, step.update.where, step.update.set, context);
  if ('merge' in step) {
    return ops.merge(snapshot, {
      predicate: step.merge.on, sourceAlias: 's', targetAlias: 't', streamedExec: step.merge.streamedExec,
      clauses: step.merge.clauses.map((kind) => ({ kind })) as never,
    }, step.merge.source, context);
  }
  if ('optimize' in step) return ops.optimize(snapshot, context);
  return Promise.resolve(planSetProperties(snapshot, step.setProperties, { isolationLevel: context.isolationLevel }));
}

