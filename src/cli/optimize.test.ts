/**
 * The OPTIMIZE preview against what `lakelab optimize` then writes: a partitioned table of many
 * small files, previewed at a target size that splits each partition into several bins, then
 * optimized with the same target. The commit removes exactly the preview's files, adds one file
 * per bin in each bin's partition holding that bin's rows, and the table reads the same rows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { toDeltaLayout } from '../core/delta/analysis/layoutOf.ts';
import { parseStats } from '../core/delta/stats.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-optimize-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('lakelab optimize writes what the layout preview plans', () => {
  it('bin by bin, partition by partition', async () => {
    const table = join(dir, 'T');
    expect((await run('create', table, '--schema', 'id long not null, p string', '--partition-by', 'p')).code).toBe(0);
    for (let i = 0; i < 7; i++) {
      const csv = join(dir, `b${i}.csv`);
      writeFileSync(csv, `id,p\n${[1, 2, 3].map((k) => `${i * 10 + k},${i % 3 === 0 ? 'x' : 'y'}`).join('\n')}\n`);
      expect((await run('append', table, '--source', csv)).code).toBe(0);
    }
    const store = new NodeFsStore(table);
    const before = await loadSnapshot(store, '', { codec: parquetCodec });
    const sizes = before.files.map((f) => f.size).sort((a, b) => a - b);
    const target = Math.floor(sizes[sizes.length - 1]! * 2.5);
    const preview = toDeltaLayout(before, target);
    expect(preview.optimize.numFilesAdded).toBeGreaterThan(preview.optimize.partitionsOptimized);

    const result = await run('optimize', table, '--target-size', String(target));
    expect(result.code, result.stderr).toBe(0);
    const commit = readFileSync(join(table, '_delta_log', `${String(before.version + 1).padStart(20, '0')}.json`), 'utf8')
      .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
    const removed = commit.flatMap((a) => (a.remove ? [a.remove.path as string] : [])).sort();
    const added = commit.flatMap((a) => (a.add ? [a.add] : []));
    expect(removed).toEqual(preview.partitions.flatMap((p) => p.bins.flatMap((b) => b.files.map((f) => f.path))).sort());
    const rowsOf = (files: { path: string }[]) => files.reduce((n, f) => n + (parseStats(before.files.find((b) => b.path === f.path)!)?.numRecords ?? 0), 0);
    const planned = preview.partitions.flatMap((p) => p.bins.map((b) => `${p.values.p}:${rowsOf(b.files)}`)).sort();
    const written = added.map((a) => `${(a.partitionValues as Record<string, string>).p}:${(JSON.parse(a.stats as string) as { numRecords: number }).numRecords}`).sort();
    expect(written).toEqual(planned);
    expect(commit.find((a) => a.commitInfo)?.commitInfo).toMatchObject({ operation: 'OPTIMIZE', operationParameters: { targetSize: String(target) } });

    const after = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(after.files.length).toBe(before.files.length - removed.length + added.length);
    const scan = (await run('scan', table)).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id).sort((a, b) => a - b);
    expect(scan).toEqual(Array.from({ length: 7 }, (_, i) => [1, 2, 3].map((k) => i * 10 + k)).flat());
  });

  it('refuses a target size that is not a byte count', async () => {
    const table = join(dir, 'T');
    await run('create', table, '--schema', 'id long');
    const result = await run('optimize', table, '--target-size', '10MB');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--target-size must be a number of bytes above 0, got "10MB"');
  });
});
