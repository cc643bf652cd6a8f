/**
 * The log parser and the reader behind it, fuzzed: random text, real commits with bytes
 * changed, and real actions with a field replaced by any JSON value, each loaded as a table's
 * newest commit (parsed, replayed, its schema and protocol checked, its files planned and
 * their stats and partition values typed). A result or a LakeError, never another exception.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { parseActions } from '../../src/core/delta/parseActions.ts';
import { loadSnapshot } from '../../src/core/delta/loadSnapshot.ts';
import { planScan } from '../../src/core/delta/planScan.ts';
import { loadHistory } from '../../src/core/delta/history.ts';
import { fixtureTable } from '../support/fixtures.ts';
import { applyByteEdits, byteEdits, fuzz, fuzzRuns } from '../support/fuzz.ts';

const fixtures = ['delta-rs/simple_table', 'delta-rs/delta-0.8.0-partitioned', 'delta-rs/table-with-dv-small', 'delta-rs/table_with_column_mapping', 'dat/basic_partitioned/delta'];

async function commitsOf(name: string) {
  const table = await fixtureTable(name);
  const commits = [...table.keys()].filter((k) => /^_delta_log\/\d{20}\.json$/.test(k)).sort();
  return { name, table, commits };
}

/** The table with its commit `key` replaced by `bytes` (later commits dropped), read in full. */
async function readWith(source: Awaited<ReturnType<typeof commitsOf>>, key: string, bytes: Uint8Array): Promise<void> {
  const store = new MemoryStore();
  for (const [k, entry] of source.table) if (!k.startsWith('_delta_log/') || k <= key) store.putWithTime(k, entry.data, entry.lastModified);
  store.putWithTime(key, bytes, 0);
  const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
  planScan(snapshot);
  await loadHistory(store, '', { limit: 3 });
}

describe('fuzzing the Delta log', () => {
  it('random text as a commit', async () => {
    await fuzz('parseActions(random text)', fc.string({ maxLength: 400, unit: 'binary' }), (text) => parseActions(text, 'x.json'), fuzzRuns(2_000));
  });

  it('random JSON lines as a commit', async () => {
    await fuzz('parseActions(random JSON)', fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), (values) => parseActions(values.map((v) => JSON.stringify(v)).join('\n'), 'x.json'), fuzzRuns(2_000));
  });

  it('real commits with bytes changed, read as the newest commit of their table', async () => {
    const sources = new Map((await Promise.all(fixtures.map(commitsOf))).map((s) => [s.name, s]));
    const input = fc.record({ name: fc.constantFrom(...fixtures), pick: fc.nat(), edits: byteEdits });
    await fuzz('loadSnapshot(mutated commit bytes)', input, async ({ name, pick, edits }) => {
      const source = sources.get(name)!;
      const key = source.commits[pick % source.commits.length]!;
      await readWith(source, key, applyByteEdits(source.table.get(key)!.data, edits));
    }, fuzzRuns(300));
  });

  it('real actions with one field replaced by any JSON value', async () => {
    const sources = new Map((await Promise.all(fixtures.map(commitsOf))).map((s) => [s.name, s]));
    const input = fc.record({ name: fc.constantFrom(...fixtures), pick: fc.nat(), line: fc.nat(), path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), value: fc.jsonValue({ maxDepth: 3 }) });
    await fuzz('loadSnapshot(commit with a field replaced)', input, async ({ name, pick, line, path, value }) => {
      const source = sources.get(name)!;
      const key = source.commits[pick % source.commits.length]!;
      const lines = new TextDecoder().decode(source.table.get(key)!.data).split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
      const target = lines[line % lines.length];
      replaceAt(target, path, value);
      await readWith(source, key, new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n')));
    }, fuzzRuns(300));
  });
});

/** Walk `path` (indexes into each object's keys) and replace the field reached with `value`. */
function replaceAt(target: unknown, path: number[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (let i = 0; i < path.length; i++) {
    const keys = typeof node === 'object' && node !== null ? Object.keys(node) : [];
    if (keys.length === 0) return;
    const key = keys[path[i]! % keys.length]!;
    if (i === path.length - 1 || typeof node[key] !== 'object' || node[key] === null) {
      node[key] = value;
      return;
    }
    node = node[key] as Record<string, unknown>;
  }
}
