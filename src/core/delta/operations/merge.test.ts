/** MERGE's join keys and delta-rs's early filter (operations/merge/filter.rs), as pure plans. */
import { describe, expect, it } from 'vitest';
import type { Add } from '../actions.ts';
import type { DeltaSnapshot } from '../snapshot.ts';
import type { StructType } from '../schemaTypes.ts';
import { parsePredicate } from '../parsePredicate.ts';
import { planMergeEarlyFilter, planMergeJoin, toPredicateText, type MergeSpec } from './merge.ts';
import { filesToRead } from './rewrite.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: true, metadata: {} },
  { name: 'p', type: 'string', nullable: true, metadata: {} },
  { name: 'filename', type: 'string', nullable: true, metadata: {} },
] };

function file(path: string, p: string, filenames: [string, string], ids: [number, number]): Add {
  return {
    path, partitionValues: { p }, size: 100, modificationTime: 0, dataChange: true,
    stats: JSON.stringify({ numRecords: 10, minValues: { id: ids[0], filename: filenames[0] }, maxValues: { id: ids[1], filename: filenames[1] }, nullCount: { id: 0, filename: 0 } }),
  };
}

const files = [
  file('p=a/f1.parquet', 'a', ['batch_001.csv', 'batch_001.csv'], [1, 20]),
  file('p=b/f2.parquet', 'b', ['batch_002.csv', 'batch_003.csv'], [21, 60]),
  file('p=c/f3.parquet', 'c', ['batch_009.csv', 'batch_009.csv'], [161, 180]),
];

const snapshot: DeltaSnapshot = {
  tableRoot: '', version: 3,
  protocol: { minReaderVersion: 1, minWriterVersion: 2 },
  metadata: { id: 'x', format: { provider: 'parquet' }, schemaString: JSON.stringify(schema), partitionColumns: ['p'], configuration: {} },
  schema, files, appTransactions: new Map(), domainMetadata: new Map(), timestamp: 0,
  logSegment: { commitFiles: [], version: 3 },
};

const source = [
  { id: 25, p: 'b', filename: 'batch_002.csv' },
  { id: 70, p: 'b', filename: 'batch_004.csv' },
  { id: 90, p: 'd', filename: 'batch_005.csv' },
];

const spec = (predicate: string, extra: Partial<MergeSpec> = {}): MergeSpec =>
  ({ predicate, sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenNotMatchedInsertAll' }], streamedExec: false, ...extra });

function earlyFilter(s: MergeSpec) {
  const filter = planMergeEarlyFilter(s, planMergeJoin(s), snapshot, source);
  return filter && toPredicateText(filter);
}

describe('MERGE early filter (read predicate)', () => {
  it('reads the whole table when streamed, the Python default', () => {
    const s = spec('t.filename = s.filename', { streamedExec: undefined });
    expect(planMergeEarlyFilter(s, planMergeJoin(s), snapshot, source)).toBeUndefined();
    expect(earlyFilter({ ...s, streamedExec: true })).toBeUndefined();
  });

  it('reads the whole table with any not-matched-by-source clause', () => {
    expect(earlyFilter(spec('t.id = s.id', { clauses: [{ kind: 'whenMatchedUpdateAll' }, { kind: 'whenNotMatchedBySourceDelete' }] }))).toBeUndefined();
    expect(earlyFilter(spec('t.id = s.id', { clauses: [{ kind: 'whenNotMatchedBySourceUpdate', set: { filename: "'gone'" } }] }))).toBeUndefined();
  });

  it('turns a partition equality into the source values and another equality into its range', () => {
    expect(earlyFilter(spec('t.p = s.p AND s.id = t.id'))).toBe("p IN ('b', 'd') AND id >= 25 AND id <= 90");
    expect(earlyFilter(spec('t.filename = s.filename'))).toBe("filename >= 'batch_002.csv' AND filename <= 'batch_005.csv'");
  });

  it('drops other relations on the source and keeps the ones on the target alone', () => {
    expect(earlyFilter(spec("t.id = s.id AND s.filename <> 'x' AND t.p = 'b'"))).toBe("id >= 25 AND id <= 90 AND p = 'b'");
  });

  it('decides the read files from partition values and stats', () => {
    const read = (text: string) => filesToRead(snapshot, parsePredicate(text)).map((f) => f.path);
    expect(read("filename >= 'batch_002.csv' AND filename <= 'batch_005.csv'")).toEqual(['p=b/f2.parquet']);
    expect(read("p IN ('b', 'd') AND id >= 25 AND id <= 90")).toEqual(['p=b/f2.parquet']);
    expect(read('id > 1000')).toEqual([]);
    expect(filesToRead(snapshot, undefined).map((f) => f.path)).toEqual(files.map((f) => f.path));
  });

  it('needs a target-source equality to join on', () => {
    expect(() => planMergeJoin(spec('t.id > 1'))).toThrow(/needs at least one equality between t.<column> and s.<column>/);
  });

  it('splits the parsed predicate, never its text: AND inside a string or under OR stays put', () => {
    expect(planMergeJoin(spec("s.`my id` = t.id AND t.name = 'a AND t.x = s.x' AND (t.p = s.p OR t.q = 1)"))).toEqual({
      keys: [{ target: 'id', source: 'my id' }],
      residual: [
        { op: 'compare', column: 't.name', comparison: '=', value: 'a AND t.x = s.x' },
        { op: 'or', left: { op: 'compareColumns', column: 't.p', comparison: '=', other: 's.p' }, right: { op: 'compare', column: 't.q', comparison: '=', value: 1 } },
      ],
    });
    expect(planMergeJoin(spec('t.a = t.b AND t.id = s.id')).residual).toEqual([{ op: 'compareColumns', column: 't.a', comparison: '=', other: 't.b' }]);
  });

  it('writes predicate text that reads back the same, quoting names that need it', () => {
    for (const text of ["`my col` = 'it''s'", '`we``ird` IS NULL', '`select` IN (1, 2)', "`and` = 'x' AND NOT (`Mixed Case` >= 1)", 't.`order id` = s.id']) {
      const parsed = parsePredicate(text);
      expect(parsePredicate(toPredicateText(parsed))).toEqual(parsed);
    }
    expect(toPredicateText(parsePredicate('t.`order id` = s.id AND `select` > 1'))).toBe('t.`order id` = s.id AND select > 1');
  });
});
