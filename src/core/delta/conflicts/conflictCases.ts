/**
 * The conflict cases of shared/notes/delta-conflicts.md as data: what a winning commit holds,
 * what our transaction read and writes, and the verdict delta-rs (and Spark Delta) reach for
 * each isolation level. The checkers' table test and the conflict advice's table test both run
 * over them. Test data only: no production code imports it.
 */
import type { Action, Add } from '../actions.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import { parsePredicate } from '../parsePredicate.ts';
import type { ConflictKind } from './conflict.ts';

export const schema = { type: 'struct' as const, fields: [
  { name: 'x', type: 'long' as const, nullable: true, metadata: {} },
  { name: 'p', type: 'string' as const, nullable: true, metadata: {} },
] };

const add = (path: string, options: { p?: string; min?: number; max?: number; dataChange?: boolean } = {}): Add => ({
  path,
  partitionValues: options.p === undefined ? {} : { p: options.p },
  size: 100,
  modificationTime: 0,
  dataChange: options.dataChange ?? true,
  stats: options.min === undefined ? undefined : JSON.stringify({ numRecords: 1, minValues: { x: options.min }, maxValues: { x: options.max ?? options.min }, nullCount: { x: 0 } }),
});
const remove = (path: string, dataChange = true): Action => ({ remove: { path, dataChange, deletionTimestamp: 0 } });
const commitInfo = (operation: string, isBlindAppend = false): Action => ({ commitInfo: { operation, isBlindAppend } });

// What the winner committed.
export const winners: Record<string, Action[]> = {
  append: [commitInfo('WRITE'), { add: add('new.parquet', { p: '2', min: 100 }) }],
  sparkBlindAppend: [commitInfo('WRITE', true), { add: add('new.parquet', { p: '2', min: 100 }) }],
  appendInP1: [commitInfo('WRITE'), { add: add('new.parquet', { p: '1', min: 5 }) }],
  appendMatchingX: [commitInfo('WRITE'), { add: add('new.parquet', { min: 5, max: 7 }) }],
  deleteA: [commitInfo('DELETE'), remove('a.parquet')],
  deleteB: [commitInfo('DELETE'), remove('b.parquet')],
  rewriteA: [commitInfo('UPDATE'), remove('a.parquet'), { add: add('a2.parquet', { min: 1000 }) }],
  // A DELETE that rewrote a.parquet: it removes it and adds the rows it kept (x 5..7), new data to a reader of x 5..10.
  deleteRewritesA: [commitInfo('DELETE'), remove('a.parquet'), { add: add('a2.parquet', { min: 5, max: 7 }) }],
  compactA: [commitInfo('OPTIMIZE'), remove('a.parquet', false), { add: add('c.parquet', { min: 1, dataChange: false }) }],
  compactAB: [commitInfo('OPTIMIZE'), remove('a.parquet', false), remove('b.parquet', false), { add: add('c.parquet', { dataChange: false }) }],
  mixedRemoves: [commitInfo('OPTIMIZE'), remove('z.parquet', false), remove('a.parquet', true)],
  metadata: [commitInfo('SET TBLPROPERTIES'), { metaData: { id: 't', format: { provider: 'parquet' }, schemaString: JSON.stringify(schema), partitionColumns: [], configuration: { k: 'v' } } }],
  protocolUpgrade: [commitInfo('UPGRADE PROTOCOL'), { protocol: { minReaderVersion: 3, minWriterVersion: 7 } }],
  appTxn1: [commitInfo('STREAMING UPDATE'), { txn: { appId: 'stream-1', version: 7 } }, { add: add('s.parquet', { p: '9' }) }],
};

interface Ours {
  operation: string;
  readFiles?: string[];
  predicate?: string;
  wholeTable?: boolean;
  actions?: Action[];
  blindAppend?: boolean;
  unpartitioned?: boolean;
}

// What our transaction is.
export const ours: Record<string, Ours> = {
  // delta-rs: a blind append/overwrite reads no predicate, but its read files are all the read snapshot's files.
  blindAppend: { operation: 'WRITE', readFiles: ['a.parquet', 'b.parquet'], actions: [{ add: add('mine.parquet') }], blindAppend: true },
  readP1WriteP1: { operation: 'WRITE', predicate: "p = '1'", readFiles: ['a.parquet'], actions: [remove('a.parquet'), { add: add('m.parquet', { p: '1' }) }] },
  deleteXBetween5And10: { operation: 'DELETE', predicate: 'x >= 5 AND x <= 10', readFiles: ['a.parquet'], actions: [remove('a.parquet')] },
  deleteA: { operation: 'DELETE', predicate: 'x = 1', readFiles: ['a.parquet'], actions: [remove('a.parquet')] },
  // A merge with only a not-matched insert clause and an early filter: it reads a.parquet and only adds.
  insertOnlyMergeReadingA: { operation: 'MERGE', predicate: 'x = 1', readFiles: ['a.parquet'], actions: [{ add: add('m.parquet', { min: 1 }) }] },
  compactA: { operation: 'OPTIMIZE', readFiles: ['a.parquet'], actions: [remove('a.parquet', false), { add: add('c2.parquet', { dataChange: false }) }] },
  mergeWholeTable: { operation: 'MERGE', wholeTable: true, readFiles: ['a.parquet', 'b.parquet'], actions: [{ add: add('m.parquet') }] },
  readBOnly: { operation: 'UPDATE', predicate: 'x = 50', readFiles: ['b.parquet'], actions: [remove('b.parquet'), { add: add('b2.parquet') }] },
  readBOnlyUnpartitioned: { operation: 'UPDATE', predicate: 'x = 50', readFiles: ['b.parquet'], actions: [remove('b.parquet'), { add: add('b2.parquet') }], unpartitioned: true },
  // Removes a.parquet although its read (x = 50) only read b.parquet: the delete/delete check alone decides.
  deleteUnreadA: { operation: 'DELETE', predicate: 'x = 50', readFiles: ['b.parquet'], actions: [remove('a.parquet')] },
  streamingSameApp: { operation: 'STREAMING UPDATE', actions: [{ txn: { appId: 'stream-1', version: 8 } }, { add: add('t.parquet') }], blindAppend: true },
  streamingOtherApp: { operation: 'STREAMING UPDATE', actions: [{ txn: { appId: 'stream-2', version: 1 } }, { add: add('t.parquet') }], blindAppend: true },
  replaceWhereOnEmpty: { operation: 'WRITE', predicate: "p = '2'", readFiles: [], actions: [{ add: add('r.parquet', { p: '2' }) }] },
  replaceWhereP3OnEmpty: { operation: 'WRITE', predicate: "p = '3'", readFiles: [], actions: [{ add: add('r.parquet', { p: '3' }) }] },
  protocolUpgrade: { operation: 'UPGRADE PROTOCOL', actions: [{ protocol: { minReaderVersion: 3, minWriterVersion: 7 } }] },
};

export function toTransaction(name: string, isolation: IsolationLevel): Transaction {
  const o = ours[name]!;
  return {
    tableRoot: '',
    readVersion: 4,
    readProtocol: { minReaderVersion: 1, minWriterVersion: 2 },
    isolationLevel: isolation,
    operation: o.operation,
    operationParameters: {},
    readFiles: o.readFiles ?? [],
    readPredicate: o.predicate ? parsePredicate(o.predicate) : undefined,
    readPredicateText: o.predicate,
    readWholeTable: o.wholeTable ?? false,
    actions: o.actions ?? [],
    isBlindAppend: o.blindAppend ?? false,
    readSchema: schema,
    partitionColumns: o.unpartitioned ? [] : ['p'],
  };
}

export type Verdict = ConflictKind | 'ok';
/** Spark's verdict: 'same' as delta-rs, one verdict, or one per isolation level. */
export type SparkVerdict = Verdict | 'same' | Record<IsolationLevel, Verdict>;
export type Row = [winner: string, our: string, isolation: IsolationLevel | 'any', verdict: Verdict, why: string, spark: SparkVerdict];

export const table: Row[] = [
  ['append', 'blindAppend', 'any', 'ok', 'append + append', 'same'],
  ['deleteB', 'deleteA', 'any', 'ok', 'disjoint delete / read: the winner removed a file outside our read', 'same'],
  ['appendInP1', 'readBOnly', 'any', 'ok', 'disjoint add / read: stats keep x=5 out of x = 50', 'ConcurrentAppend'],
  ['deleteA', 'deleteA', 'any', 'ConcurrentDeleteRead', 'delete + delete of the same file: the read check comes first', 'same'],
  ['compactA', 'compactA', 'any', 'ConcurrentDeleteDelete', 'two compactions removing the same file', 'ConcurrentDeleteRead'],
  ['appendMatchingX', 'deleteXBetween5And10', 'Serializable', 'ConcurrentAppend', 'add that matches the read predicate', 'same'],
  ['appendMatchingX', 'deleteXBetween5And10', 'WriteSerializable', 'ConcurrentAppend', 'WriteSerializable still checks adds from non-blind-append commits', 'same'],
  ['appendMatchingX', 'deleteXBetween5And10', 'SnapshotIsolation', 'ok', 'snapshot isolation skips the append check', 'same'],
  ['deleteRewritesA', 'deleteXBetween5And10', 'Serializable', 'ConcurrentAppend', 'a DELETE that rewrote a file adds the rows it kept: they match the read', 'same'],
  ['deleteRewritesA', 'deleteXBetween5And10', 'WriteSerializable', 'ConcurrentAppend', 'a DELETE is no blind append, so WriteSerializable checks its adds too', 'same'],
  ['deleteRewritesA', 'deleteXBetween5And10', 'SnapshotIsolation', 'ConcurrentDeleteRead', 'snapshot isolation skips the append check, but the DELETE removed the file this one read', 'same'],
  ['rewriteA', 'deleteA', 'any', 'ConcurrentDeleteRead', 'delete of a read file', { Serializable: 'ConcurrentAppend', WriteSerializable: 'ConcurrentAppend', SnapshotIsolation: 'ConcurrentDeleteRead' }],
  ['metadata', 'blindAppend', 'any', 'MetadataChanged', 'a metadata change fails everyone', 'same'],
  ['protocolUpgrade', 'blindAppend', 'any', 'ProtocolChanged', 'protocol upgrade', 'ok'],
  ['protocolUpgrade', 'protocolUpgrade', 'any', 'ProtocolChanged', 'upgrade / upgrade', 'same'],
  ['append', 'mergeWholeTable', 'Serializable', 'ConcurrentAppend', 'whole-table read vs any concurrent add, even outside a predicate', 'same'],
  ['append', 'mergeWholeTable', 'WriteSerializable', 'ConcurrentAppend', 'delta-rs commits are not marked blind appends, so WriteSerializable checks them', 'same'],
  ['sparkBlindAppend', 'mergeWholeTable', 'WriteSerializable', 'ok', 'WriteSerializable lets a commit marked isBlindAppend through', 'same'],
  ['sparkBlindAppend', 'mergeWholeTable', 'Serializable', 'ConcurrentAppend', 'Serializable checks blind appends too', 'same'],
  ['deleteB', 'mergeWholeTable', 'any', 'ConcurrentDeleteRead', 'whole-table read vs any data remove', 'same'],
  ['compactA', 'insertOnlyMergeReadingA', 'any', 'ok', 'compaction remove (dataChange=false) vs read', 'ConcurrentDeleteRead'],
  ['compactA', 'deleteA', 'any', 'ConcurrentDeleteDelete', 'a compaction and a delete removing the same file', 'ConcurrentDeleteRead'],
  ['rewriteA', 'insertOnlyMergeReadingA', 'any', 'ConcurrentDeleteRead', 'an update rewrote the file the merge read', { Serializable: 'ConcurrentAppend', WriteSerializable: 'ConcurrentAppend', SnapshotIsolation: 'ConcurrentDeleteRead' }],
  ['compactA', 'mergeWholeTable', 'any', 'ok', 'compaction vs a whole-table read', 'ConcurrentDeleteRead'],
  ['compactAB', 'mergeWholeTable', 'any', 'ok', 'several compaction removes vs a whole-table read', 'ConcurrentDeleteRead'],
  ['mixedRemoves', 'mergeWholeTable', 'any', 'ConcurrentDeleteRead', 'mixed removes where any changes data', 'same'],
  ['append', 'readP1WriteP1', 'any', 'ok', 'disjoint partitions: add in p=2, read and write p=1', 'same'],
  ['appendInP1', 'readP1WriteP1', 'Serializable', 'ConcurrentAppend', 'add in the partition we read', 'same'],
  ['appTxn1', 'streamingSameApp', 'any', 'ConcurrentTransaction', 'the same appId', 'same'],
  ['appTxn1', 'streamingOtherApp', 'any', 'ok', 'different appIds', 'same'],
  ['append', 'replaceWhereOnEmpty', 'any', 'ConcurrentAppend', 'replaceWhere on an empty table vs a concurrent add matching it', 'same'],
  ['append', 'replaceWhereP3OnEmpty', 'any', 'ok', 'replaceWhere disjoint from the concurrent add', 'same'],
  ['rewriteA', 'blindAppend', 'any', 'ConcurrentDeleteRead', 'delta-rs: a blind append "read" every file of its snapshot (Spark would let it through)', 'ok'],
  ['deleteA', 'blindAppend', 'any', 'ConcurrentDeleteRead', 'the same, for a DELETE racing an append', 'ok'],
  ['deleteA', 'deleteUnreadA', 'any', 'ConcurrentDeleteDelete', 'delete / delete of a file our read predicate did not read (delta-rs\'s own test)', 'same'],
  ['appendInP1', 'readBOnlyUnpartitioned', 'any', 'ok', 'unpartitioned: stats keep x=5 out of x = 50', 'ConcurrentAppend'],
  ['deleteB', 'readBOnlyUnpartitioned', 'any', 'ConcurrentDeleteRead', 'unpartitioned: a delete of the file we read', 'same'],
];

export const isolations: IsolationLevel[] = ['Serializable', 'WriteSerializable', 'SnapshotIsolation'];

/** The isolation levels a row speaks for. */
export function levelsOf(row: Row): IsolationLevel[] {
  return row[2] === 'any' ? isolations : [row[2]];
}

/** The verdict a row expects from a rule set at a level ('ok': it commits). Snapshot isolation only skips the append check. */
export function expectedVerdict(row: Row, rules: 'delta-rs' | 'spark', level: IsolationLevel): Verdict {
  const [, , , verdict, , spark] = row;
  if (rules === 'delta-rs') return level === 'SnapshotIsolation' && verdict === 'ConcurrentAppend' ? 'ok' : verdict;
  const base = spark === 'same' ? verdict : typeof spark === 'string' ? spark : spark[level];
  return typeof spark !== 'object' && level === 'SnapshotIsolation' && base === 'ConcurrentAppend' ? 'ok' : base;
}
