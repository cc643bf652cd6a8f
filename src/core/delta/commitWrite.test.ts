/**
 * Commits whose answer is lost: the store took the write but the writer heard a Network error
 * or 'exists' (a client's retry of its own create). Each case, without the read-back, either
 * reported a commit failed that is in the table or committed the same change twice.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Add } from './actions.ts';
import type { StructType } from './schemaTypes.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { FaultyStore, type Fault, type StoreCall } from '../../storage/faultyStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { listAll } from '../objectStore.ts';
import { commitTransaction } from './commitTransaction.ts';
import { CommitOutcomeUnknown } from './commitWrite.ts';
import { planCreateTable } from './operations/createTable.ts';
import { planAppend } from './operations/write.ts';

const schema: StructType = { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: false, metadata: {} }] };
const add = (path: string, size = 10): Add => ({ path, partitionValues: {}, size, modificationTime: 1, dataChange: true });

async function tableWith(faults: (call: StoreCall, key: string) => Fault) {
  const inner = new MemoryStore();
  const manual = new ManualClock(1_700_000_000_000);
  // Resends without waiting: no sleep on this clock.
  const clock = { now: () => manual.now() };
  await commitTransaction(inner, planCreateTable({ tableRoot: '', id: 't', schema, partitionColumns: [], createdTime: clock.now(), adds: [] }), { clock, engineInfo: 'test' });
  const snapshot = await loadSnapshot(inner, '', { codec: parquetCodec });
  return { inner, store: new FaultyStore(inner, faults), clock, snapshot };
}

const commitKeys = async (store: MemoryStore) => (await listAll(store, '_delta_log/')).map((o) => o.key);

/** A fault on the first putIfAbsent of a commit, none after. */
function once(kind: Fault): (call: StoreCall) => Fault {
  let used = false;
  return (call) => {
    if (call !== 'putIfAbsent' || used) return { kind: 'none' };
    used = true;
    return kind;
  };
}

describe('a commit whose answer is lost', () => {
  it('landed, then the connection dropped: committed, once', async () => {
    const { inner, store, clock, snapshot } = await tableWith(once({ kind: 'failAfter' }));
    const outcome = await commitTransaction(store, planAppend(snapshot, [add('a.parquet')]), { clock, engineInfo: 'test' });
    expect(outcome).toMatchObject({ status: 'committed', version: 1 });
    expect(await commitKeys(inner)).toEqual(['_delta_log/00000000000000000000.json', '_delta_log/00000000000000000001.json']);
  });

  it("landed, and a retry of the create said 'exists': committed, not checked as a rival and committed again", async () => {
    const { inner, store, clock, snapshot } = await tableWith(once({ kind: 'existsAfter' }));
    const outcome = await commitTransaction(store, planAppend(snapshot, [add('a.parquet')]), { clock, engineInfo: 'test' });
    expect(outcome).toMatchObject({ status: 'committed', version: 1 });
    expect(await commitKeys(inner)).toHaveLength(2);
    expect((await loadSnapshot(inner, '', { codec: parquetCodec })).files.map((f) => f.path)).toEqual(['a.parquet']);
  });

  it('timed out and landed later: the resend finds it and the change is in the table once', async () => {
    const { inner, store, clock, snapshot } = await tableWith(once({ kind: 'timeout', ms: 1, landsAfterMs: 1 }));
    expect(await commitTransaction(store, planAppend(snapshot, [add('a.parquet')]), { clock, engineInfo: 'test' })).toMatchObject({ status: 'committed', version: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the late copy arrives, and finds the version taken
    expect(await commitKeys(inner)).toHaveLength(2);
    expect((await loadSnapshot(inner, '', { codec: parquetCodec })).files.map((f) => f.path)).toEqual(['a.parquet']);
  });

  it('refused before it reached the store: sent again at the same version', async () => {
    const { inner, store, clock, snapshot } = await tableWith(once({ kind: 'fail' }));
    expect(await commitTransaction(store, planAppend(snapshot, [add('a.parquet')]), { clock, engineInfo: 'test' })).toMatchObject({ status: 'committed', version: 1, attempts: 1 });
    expect(await commitKeys(inner)).toHaveLength(2);
  });

  it('when nothing can be read back, the writer is told the commit may have been written', async () => {
    const { store, clock, snapshot } = await tableWith((call) => (call === 'putIfAbsent' ? { kind: 'failAfter' } : call === 'get' ? { kind: 'fail' } : { kind: 'none' }));
    await expect(commitTransaction(store, planAppend(snapshot, [add('a.parquet')]), { clock, engineInfo: 'test' })).rejects.toBeInstanceOf(CommitOutcomeUnknown);
  });

  it('a data file the store acknowledged but lost is found before the commit names it', async () => {
    const { inner, clock, snapshot } = await tableWith(() => ({ kind: 'none' }));
    const store = new FaultyStore(inner, (call) => (call === 'put' ? { kind: 'phantom' } : { kind: 'none' }));
    await store.put('a.parquet', new Uint8Array(10));
    await expect(commitTransaction(store, planAppend(snapshot, [add('a.parquet')]), { clock, engineInfo: 'test', verifyDataFiles: true }))
      .rejects.toMatchObject({ code: 'Network', message: expect.stringContaining('a.parquet: the store acknowledged writing this data file, but it is not there') });
    expect(await commitKeys(inner)).toHaveLength(1);
    await inner.put('a.parquet', new Uint8Array(7));
    await expect(commitTransaction(inner, planAppend(snapshot, [add('a.parquet')]), { clock, engineInfo: 'test', verifyDataFiles: true }))
      .rejects.toMatchObject({ message: expect.stringContaining('holds 7 bytes of this data file, not the 10 written') });
  });
});
