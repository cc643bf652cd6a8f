import { describe, expect, it } from 'vitest';
import { applyActions, deletionVectorId, emptyReplayState } from './replay.ts';
import { parseActions, toCheckpointActions } from './parseActions.ts';
import type { Action, DeletionVectorDescriptor } from './actions.ts';

const add = (path: string, deletionVector?: DeletionVectorDescriptor): Action => ({ add: { path, partitionValues: {}, size: 1, modificationTime: 0, dataChange: true, ...(deletionVector ? { deletionVector } : {}) } });
const remove = (path: string, deletionVector?: DeletionVectorDescriptor): Action => ({ remove: { path, dataChange: true, ...(deletionVector ? { deletionVector } : {}) } });
const dv = (pathOrInlineDv: string, offset?: number): DeletionVectorDescriptor => ({ storageType: 'u', pathOrInlineDv, offset, sizeInBytes: 10, cardinality: 1 });

describe('log replay', () => {
  it('reconciles files by path and deletion vector', () => {
    const state = emptyReplayState();
    applyActions(state, [add('a'), add('b')]);
    // A DELETE that adds a deletion vector to `a`: remove the old (a, none), add (a, dv1).
    applyActions(state, [remove('a'), add('a', dv('dv1', 1))]);
    // A remove naming another deletion vector leaves (a, dv1) alone.
    applyActions(state, [remove('a', dv('dv1', 9))]);
    expect([...state.files.values()].map((f) => [f.path, f.deletionVector?.offset])).toEqual([['b', undefined], ['a', 1]]);
    applyActions(state, [remove('a', dv('dv1', 1)), remove('b')]);
    expect(state.files.size).toBe(0);
  });

  it('gives deletion vectors the protocol unique id: storage type, path or inline data, offset', () => {
    expect(deletionVectorId(dv('abc'))).toBe('uabc');
    expect(deletionVectorId(dv('abc', 4))).toBe('uabc@4');
    expect(deletionVectorId(undefined)).toBe('');
  });

  it('keeps the newest protocol and metadata, the latest txn per app and domain metadata with tombstones', () => {
    const state = emptyReplayState();
    const lines = [
      { protocol: { minReaderVersion: 1, minWriterVersion: 2 } },
      { metaData: { id: 'a', format: { provider: 'parquet' }, schemaString: '{}', partitionColumns: [] } },
      { txn: { appId: 'x', version: 1 } },
      { txn: { appId: 'y', version: 5 } },
      { domainMetadata: { domain: 'delta.clustering', configuration: '{}', removed: false } },
      { domainMetadata: { domain: 'app', configuration: '{"v":1}', removed: false } },
    ];
    applyActions(state, parseActions(lines.map((l) => JSON.stringify(l)).join('\n'), '0.json'));
    applyActions(state, parseActions([
      { protocol: { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [], writerFeatures: ['domainMetadata'] } },
      { metaData: { id: 'b', format: { provider: 'parquet' }, schemaString: '{}', partitionColumns: [] } },
      { txn: { appId: 'x', version: 2 } },
      { domainMetadata: { domain: 'app', configuration: '', removed: true } },
    ].map((l) => JSON.stringify(l)).join('\n'), '1.json'));
    expect(state.protocol?.minReaderVersion).toBe(3);
    expect(state.metadata?.id).toBe('b');
    expect([...state.appTransactions.values()].map((t) => [t.appId, t.version])).toEqual([['x', 2], ['y', 5]]);
    expect([...state.domainMetadata.keys()]).toEqual(['delta.clustering']);
  });

  it('replays 100,000 checkpoint adds and 50 commits (its speed is held by npm run bench -- snapshot)', () => {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 100_000; i++) {
      rows.push({ add: { path: `p=${i % 16}/part-${i}.parquet`, partitionValues: { p: String(i % 16) }, size: 1000 + i, modificationTime: i, dataChange: false, stats: '{"numRecords":100}', tags: null, deletionVector: null }, remove: null, metaData: null, protocol: null, txn: null });
    }
    const commits: string[] = [];
    for (let c = 0; c < 50; c++) {
      const lines = [JSON.stringify({ commitInfo: { operation: 'WRITE' } })];
      for (let a = 0; a < 20; a++) lines.push(JSON.stringify(add(`new-${c}-${a}.parquet`)));
      lines.push(JSON.stringify(remove(`p=${c % 16}/part-${c}.parquet`)));
      commits.push(lines.join('\n'));
    }
    const state = emptyReplayState();
    applyActions(state, toCheckpointActions(rows, 'checkpoint.parquet'));
    for (let c = 0; c < commits.length; c++) applyActions(state, parseActions(commits[c] ?? '', `${c}.json`));
    expect(state.files.size).toBe(100_000 + 50 * 20 - 50);
    const paths = new Set([...state.files.values()].map((f) => f.path));
    expect(paths.has('p=0/part-0.parquet')).toBe(false);
    expect(paths.has('p=1/part-49.parquet')).toBe(false);
    expect(paths.has('p=2/part-50.parquet')).toBe(true);
    expect(paths.has('new-49-19.parquet')).toBe(true);
  });
});
