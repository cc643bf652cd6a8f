/**
 * Lakelab's per-file stats against the stats delta-rs wrote for the same data: each data file
 * of delta-rs's fixture tables is read back, its stats recomputed, and compared with the
 * fixture's `add.stats`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { toDataFileKey } from '../core/delta/dataPaths.ts';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { parquetCodec } from './parquetRows.ts';
import { scanDelta } from './deltaScan.ts';
import { toJsonRows } from './jsonValues.ts';
import { toFileStats } from './fileStats.ts';
import { canSkipFile } from '../core/delta/fileSkipping.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';

// Tables written by delta-rs (commitInfo clientVersion delta-rs.*).
const tables = ['delta-rs/table_failed_last_checkpoint_update', 'delta-rs/partition-type-primitives', 'delta-rs/python-0.25.5-checkpoint'];

describe('file stats as delta-rs writes them', () => {
  for (const table of tables) {
    it(`match delta-rs's stats for every file of ${table}`, async () => {
      const store = new NodeFsStore(join(fixturesDir, table));
      const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
      const plan = planScan(snapshot);
      const partitions = new Set(snapshot.metadata.partitionColumns);
      const columns = snapshot.schema.fields.filter((f) => !partitions.has(f.name)).map((f) => ({ name: f.name, type: f.type, nullable: f.nullable }));
      expect(snapshot.files.length).toBeGreaterThan(0);
      for (const add of snapshot.files) {
        const file = plan.files.find((f) => f.key === toDataFileKey('', add.path));
        const rows: Record<string, unknown>[] = [];
        for await (const batch of scanDelta(store, { ...plan, files: [file!] })) for (const row of toJsonRows(batch)) rows.push(row);
        expect({ path: add.path, stats: JSON.parse(toFileStats(rows, columns)) }).toEqual({ path: add.path, stats: JSON.parse(add.stats!) });
      }
    });
  }
});

describe('long string stats', () => {
  it('keep a 32-character prefix, the maximum raised so it still bounds every value', () => {
    const low = `${'a'.repeat(40)}`;
    const high = `${'b'.repeat(32)}😀tail`;
    const stats = JSON.parse(toFileStats([{ s: low }, { s: high }, { s: 'ab' }], [{ name: 's', type: 'string', nullable: true }]));
    expect(stats.minValues.s).toBe('a'.repeat(32));
    expect(stats.maxValues.s).toBe(`${'b'.repeat(32)}\u{10FFFF}`);
    const facts = { partitionValues: new Map(), stats, statsKeyOf: (c: string) => c, typeOf: () => 'string' as const };
    // Lakelab's reader never skips on a long maximum (delta-rs writes them cut without a tie-breaker); no value is wrongly skipped.
    for (const value of [low, high, 'ab']) expect(canSkipFile(parsePredicate(`s = '${value}'`), facts)).toBe(false);
  });
});
