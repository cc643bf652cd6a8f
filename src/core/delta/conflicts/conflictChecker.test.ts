/**
 * delta-rs's conflict verdicts, table-driven: (what the winner committed, what our transaction
 * read and writes, isolation) -> expected verdict. Rows follow delta-conflicts.md: delta-rs's
 * own test scenarios, then the subtleties that change outcomes.
 */
import { describe, expect, it } from 'vitest';
import type { Action, Add, Commit } from '../actions.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import { parsePredicate } from '../parsePredicate.ts';
import { checkConflictDeltaRs } from './deltaRsRules.ts';
import { checkConflictSpark } from './sparkRules.ts';
import { checkConflict, checkConflictBothRules } from './conflictChecker.ts';
import { toUserMessage, type ConflictKind } from './conflict.ts';

const schema = { type: 'struct' as const, fields: [
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
const winners: Record<string, Action[]> = {
  append: [commitInfo('WRITE'), { add: add('new.parquet', { p: '2', min: 100 }) }],
  sparkBlindAppend: [commitInfo('WRITE', true), { add: add('new.parquet', { p: '2', min: 100 }) }],
  appendInP1: [commitInfo('WRITE'), { add: add('new.parquet', { p: '1', min: 5 }) }],
  appendMatchingX: [commitInfo('WRITE'), { add: add('new.parquet', { min: 5, max: 7 }) }],
  deleteA: [commitInfo('DELETE'), remove('a.parquet')],
  deleteB: [commitInfo('DELETE'), remove('b.parquet')],
  rewriteA: [commitInfo('UPDATE'), remove('a.parquet'), { add: add('a2.parquet', { min: 1000 }) }],
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
const ours: Record<string, Ours> = {
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

function toTransaction(name: string, isolation: IsolationLevel): Transaction {
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

type Verdict = ConflictKind | 'ok';
/** Spark's verdict: 'same' as delta-rs, one verdict, or one per isolation level. */
type SparkVerdict = Verdict | 'same' | Record<IsolationLevel, Verdict>;
type Row = [winner: string, our: string, isolation: IsolationLevel | 'any', verdict: Verdict, why: string, spark: SparkVerdict];

const table: Row[] = [
  ['append', 'blindAppend', 'any', 'ok', 'append + append', 'same'],
  ['deleteB', 'deleteA', 'any', 'ok', 'disjoint delete / read: the winner removed a file outside our read', 'same'],
  ['appendInP1', 'readBOnly', 'any', 'ok', 'disjoint add / read: stats keep x=5 out of x = 50', 'ConcurrentAppend'],
  ['deleteA', 'deleteA', 'any', 'ConcurrentDeleteRead', 'delete + delete of the same file: the read check comes first', 'same'],
  ['compactA', 'compactA', 'any', 'ConcurrentDeleteDelete', 'two compactions removing the same file', 'ConcurrentDeleteRead'],
  ['appendMatchingX', 'deleteXBetween5And10', 'Serializable', 'ConcurrentAppend', 'add that matches the read predicate', 'same'],
  ['appendMatchingX', 'deleteXBetween5And10', 'WriteSerializable', 'ConcurrentAppend', 'WriteSerializable still checks adds from non-blind-append commits', 'same'],
  ['appendMatchingX', 'deleteXBetween5And10', 'SnapshotIsolation', 'ok', 'snapshot isolation skips the append check', 'same'],
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

const isolations: IsolationLevel[] = ['Serializable', 'WriteSerializable', 'SnapshotIsolation'];

describe('delta-rs conflict checks', () => {
  for (const [winner, our, isolation, verdict, why] of table) {
    for (const level of isolation === 'any' ? isolations : [isolation]) {
      // Snapshot isolation only skips the append check; every other verdict stands.
      const expected = level === 'SnapshotIsolation' && verdict === 'ConcurrentAppend' ? 'ok' : verdict;
      it(`${winner} vs ${our} under ${level}: ${expected} (${why})`, () => {
        const commit: Commit = { version: 5, actions: winners[winner]! };
        const conflict = checkConflictDeltaRs(toTransaction(our, level), commit);
        expect(conflict?.kind ?? 'ok').toBe(expected);
        if (conflict) {
          expect(conflict.winningVersion).toBe(5);
          expect(conflict.explanation.length).toBeGreaterThan(40);
        }
      });
    }
  }

  it('gives delta-rs\'s message for a pinned merge that lost to a delete', () => {
    const conflict = checkConflictDeltaRs(toTransaction('mergeWholeTable', 'Serializable'), { version: 5, actions: winners.deleteA! });
    expect(toUserMessage(conflict!)).toBe(
      "Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.\nHelp: This transaction's query must be rerun to exclude the removed data. Also, if you don't care to require this check to pass in the future, the isolation level can be set to Snapshot Isolation.",
    );
    expect(conflict!.files).toEqual(['a.parquet']);
    expect(conflict!.winningOperation).toBe('DELETE');
  });
});

describe('Spark Delta conflict checks, beside delta-rs', () => {
  for (const [winner, our, isolation, verdict, why, spark] of table) {
    for (const level of isolation === 'any' ? isolations : [isolation]) {
      const base = spark === 'same' ? verdict : typeof spark === 'string' ? spark : spark[level];
      const expected = typeof spark !== 'object' && level === 'SnapshotIsolation' && base === 'ConcurrentAppend' ? 'ok' : base;
      it(`${winner} vs ${our} under ${level}: ${expected} (${why})`, () => {
        const conflict = checkConflictSpark(toTransaction(our, level), { version: 5, actions: winners[winner]! });
        expect(conflict?.kind ?? 'ok').toBe(expected);
        if (conflict) expect(conflict.message).toContain('Conflicting commit: {"version":5');
      });
    }
  }

  it('gives Spark\'s message for an OPTIMIZE racing a whole-table merge', () => {
    const conflict = checkConflictSpark(toTransaction('mergeWholeTable', 'WriteSerializable'), { version: 5, actions: winners.compactA! });
    expect(conflict!.message).toBe(
      'ConcurrentDeleteReadException: [DELTA_CONCURRENT_DELETE_READ] Transaction conflict detected. a concurrent OPTIMIZE deleted data from table delta table (committed at version 5) that this transaction read. Please try the operation again.\nConflicting commit: {"version":5,"operation":"OPTIMIZE"}',
    );
    expect(conflict!.explanation).toContain('dataChange=false');
  });
});

describe('checking against several winning commits', () => {
  it('reports the first conflicting commit in version order, under either rule set', () => {
    const tx = toTransaction('blindAppend', 'Serializable');
    const winnersInOrder: Commit[] = [
      { version: 7, actions: winners.metadata! },
      { version: 5, actions: winners.append! },
      { version: 6, actions: winners.deleteA! },
    ];
    expect(checkConflict(tx, winnersInOrder)?.winningVersion).toBe(6);
    expect(checkConflict(tx, winnersInOrder)?.kind).toBe('ConcurrentDeleteRead');
    expect(checkConflict(tx, winnersInOrder, 'spark')?.kind).toBe('MetadataChanged');
    const both = checkConflictBothRules(tx, winnersInOrder.slice(1));
    expect(both['delta-rs']?.kind).toBe('ConcurrentDeleteRead');
    expect(both.spark).toBeUndefined();
  });
});
