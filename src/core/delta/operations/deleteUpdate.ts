/**
 * DELETE and UPDATE, copy-on-write: the files that may hold matching rows are read (that is
 * the read set delta-rs records: the predicate's files), the ones with matching rows are
 * rewritten without them (or with them changed).
 */
import type { DeltaSnapshot } from '../snapshot.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import type { Predicate } from '../predicate.ts';
import { toReadContext } from './readTransaction.ts';
import { toRewriteActions, type FileRewrite } from './rewrite.ts';

export interface RewriteResult {
  /** Paths of the files read (the transaction's read set). */
  readFiles: string[];
  rewrites: FileRewrite[];
  metrics: Record<string, number>;
}

interface Options {
  predicate?: Predicate;
  predicateText?: string;
  isolationLevel?: IsolationLevel;
  now: number;
}

function base(snapshot: DeltaSnapshot, operation: string, result: RewriteResult, options: Options): Transaction {
  return {
    ...toReadContext(snapshot, operation, options.isolationLevel),
    operationParameters: options.predicateText ? { predicate: options.predicateText } : {},
    operationMetrics: result.metrics,
    readFiles: result.readFiles,
    readPredicate: options.predicate,
    readPredicateText: options.predicateText,
    // delta-rs marks only a MERGE without an early filter as reading the whole table; a DELETE or
    // UPDATE without a predicate reads every file of its snapshot but is not "whole table".
    readWholeTable: false,
    actions: toRewriteActions(result.rewrites, [], options.now),
    isBlindAppend: false,
  };
}

export function planDelete(snapshot: DeltaSnapshot, result: RewriteResult, options: Options): Transaction {
  return base(snapshot, 'DELETE', result, options);
}

export function planUpdate(snapshot: DeltaSnapshot, result: RewriteResult, options: Options): Transaction {
  return base(snapshot, 'UPDATE', result, options);
}
