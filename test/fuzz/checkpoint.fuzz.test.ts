/**
 * The checkpoint reader, fuzzed: real classic, V2 (JSON with a Parquet sidecar) checkpoints
 * with bytes changed, read directly and as the start of a snapshot; and checkpoint rows of any
 * shape. A result or a LakeError (Corrupt, which the snapshot falls back past), nothing else.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { loadCheckpointActions } from '../../src/core/delta/checkpoint.ts';
import { toCheckpointActions } from '../../src/core/delta/parseActions.ts';
import { loadLogListing } from '../../src/core/delta/logSegment.ts';
import { loadSnapshot } from '../../src/core/delta/loadSnapshot.ts';
import { fixtureTable } from '../support/fixtures.ts';
import { applyByteEdits, byteEdits, fuzz, fuzzRuns } from '../support/fuzz.ts';

const tables = ['delta-rs/simple_table_with_checkpoint', 'delta-rs/checkpoint-v2-table', 'delta-rs/table_with_deletion_logs', 'delta-rs/delta-1.2.1-only-struct-stats'];

async function load(name: string) {
  const table = await fixtureTable(name);
  const targets = [...table.keys()].filter((k) => k.includes('.checkpoint.'));
  return { table, targets };
}

describe('fuzzing checkpoints', () => {
  it('real checkpoints and sidecars with bytes changed', async () => {
    const sources = new Map(await Promise.all(tables.map(async (t) => [t, await load(t)] as const)));
    const input = fc.record({ name: fc.constantFrom(...tables), pick: fc.nat(), edits: byteEdits });
    await fuzz('checkpoint reader(mutated bytes)', input, async ({ name, pick, edits }) => {
      const { table, targets } = sources.get(name)!;
      const target = targets[pick % targets.length]!;
      const store = new MemoryStore();
      for (const [key, entry] of table) store.putWithTime(key, key === target ? applyByteEdits(entry.data, edits) : entry.data, entry.lastModified);
      const listing = await loadLogListing(store, '');
      for (const checkpoint of listing.checkpoints) {
        try {
          await loadCheckpointActions(store, '', checkpoint, parquetCodec);
        } catch (error) {
          if (!(error instanceof Error && error.name === 'LakeError')) throw error;
        }
      }
      await loadSnapshot(store, '', { codec: parquetCodec });
    }, fuzzRuns(150));
  });

  it('checkpoint rows of any shape', async () => {
    const row = fc.dictionary(fc.constantFrom('add', 'remove', 'metaData', 'protocol', 'txn', 'domainMetadata', 'sidecar', 'checkpointMetadata', 'other'), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(null)));
    await fuzz('toCheckpointActions(random rows)', fc.array(row, { maxLength: 5 }), (rows) => toCheckpointActions(rows as Record<string, unknown>[], 'x.parquet'), fuzzRuns(2_000));
  });
});
