/**
 * The independent check after a torture run: the checker's own log replay and native DuckDB
 * over the data files, against what the writers were told. Violations are strings naming the
 * version, transaction or file; there must be none.
 */
import type { ObjectStore } from '../../src/core/objectStore.ts';
import { loadSnapshot } from '../../src/core/delta/loadSnapshot.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { SnapshotRows } from '../../src/query/tableRows.ts';
import type { RawTable } from './rawTable.ts';
import { replayLog } from './logReplay.ts';
import { DuckDbRows } from './duckdbRows.ts';
import type { Ledger } from './ledger.ts';
import { startingRows, type Row } from './operations.ts';
import { applyOperation, sortedRows, type ModelRows } from './tableModel.ts';

export interface CheckResult {
  violations: string[];
  versions: number;
  /** Temporary commit files left by writers that died mid-write. */
  tempFiles: number;
  /** Data files no version names: lost races, crashed writers, superseded rewrites never referenced. */
  unreferencedFiles: number;
}

export const setupTxnId = 'torture-setup';

export async function checkTable(raw: RawTable, store: ObjectStore, ledger: Ledger, scratch: string): Promise<CheckResult> {
  const violations: string[] = [];
  const objects = await raw.list();
  const sizes = new Map(objects.map((o) => [o.key, o.size]));
  const replay = await replayLog(raw, objects);
  violations.push(...replay.problems);

  // Each version is the commit of one transaction the writers started, and each only once.
  const versionsOf = new Map<string, number[]>();
  for (const entry of replay.versions) {
    const id = entry.txnId ?? '(none)';
    versionsOf.set(id, [...(versionsOf.get(id) ?? []), entry.version]);
    if (id !== setupTxnId && !ledger.transactions.has(id)) violations.push(`version ${entry.version}: commit of a transaction no writer started (txnId ${id})`);
  }
  for (const [id, versions] of versionsOf) if (versions.length > 1) violations.push(`transaction ${id} is in the log ${versions.length} times (versions ${versions.join(', ')})`);
  const presentOf = new Map<number, string[]>();
  for (const record of ledger.transactions.values()) {
    const at = versionsOf.get(record.txnId);
    if (record.told.status === 'committed' && !(at?.length === 1 && at[0] === record.told.version)) {
      violations.push(`transaction ${record.txnId} (operation ${record.operation}) was acknowledged at version ${record.told.version} but is ${at ? `at version ${at.join(', ')}` : 'not in the log'}`);
    }
    if (record.told.status === 'refused' && at) violations.push(`transaction ${record.txnId} (operation ${record.operation}) was reported failed (${record.told.why}) but is at version ${at.join(', ')}`);
    if (at) presentOf.set(record.operation, [...(presentOf.get(record.operation) ?? []), record.txnId]);
  }
  for (const [operation, ids] of presentOf) if (ids.length > 1) violations.push(`operation ${operation} was committed ${ids.length} times (transactions ${ids.join(', ')})`);

  // Every file a version names is there, at the size its add says.
  for (const entry of replay.versions) {
    for (const add of entry.files.values()) {
      const size = sizes.get(add.path);
      if (size === undefined) violations.push(`version ${entry.version} names ${add.path}, which is not in the store`);
      else if (size !== add.size) violations.push(`version ${entry.version} names ${add.path} with size ${add.size}, the store holds ${size} bytes`);
    }
  }

  // The rows of every version, read by native DuckDB, against the model; Lakelab's reader agrees on the files.
  const duck = await DuckDbRows.open(raw, scratch);
  try {
    const model: ModelRows[] = [];
    for (const entry of replay.versions) {
      const record = entry.txnId === undefined ? undefined : ledger.transactions.get(entry.txnId);
      const operation = record ? ledger.operations.get(record.operation) : undefined;
      if (entry.version === 0) model.push(new Map(startingRows().map((r) => [r.id, r])));
      else if (!operation) model.push(model[entry.version - 1]!);
      else model.push(applyOperation(model[entry.version - 1]!, operation, model[entry.readVersion ?? entry.version - 1] ?? new Map()));
      const expected = sortedRows(model[entry.version]!);
      const actual = sortedRows(await duck.rowsOf(entry.files.values()));
      const problem = compareRows(expected, actual);
      if (problem) violations.push(`version ${entry.version} (${entry.operation}): ${problem}`);
      try {
        const snapshot = await loadSnapshot(store, '', { codec: parquetCodec, version: entry.version });
        const paths = snapshot.files.map((f) => decodeURIComponent(f.path)).sort();
        if (paths.join('\n') !== [...entry.files.keys()].sort().join('\n')) violations.push(`version ${entry.version}: Lakelab reads other files than the log names`);
        if (entry.version === replay.versions.length - 1) {
          const rows = (await new SnapshotRows(store, snapshot).all()).map((r) => ({ id: Number(r.id), p: String(r.p), v: Number(r.v) }));
          const lakelab = compareRows(expected, sortedRows(rows));
          if (lakelab) violations.push(`version ${entry.version}, read by Lakelab: ${lakelab}`);
        }
      } catch (error) {
        violations.push(`version ${entry.version} cannot be read by Lakelab: ${(error as Error).message}`);
      }
    }
  } finally {
    duck.close();
  }

  const referenced = new Set<string>();
  for (const entry of replay.versions) for (const key of entry.files.keys()) referenced.add(key);
  return {
    violations,
    versions: replay.versions.length,
    tempFiles: objects.filter((o) => o.key.endsWith('.lakelab-tmp')).length,
    unreferencedFiles: objects.filter((o) => o.key.endsWith('.parquet') && !referenced.has(o.key)).length,
  };
}

function compareRows(expected: Row[], actual: Row[]): string | undefined {
  const key = (r: Row) => `${r.id}/${r.p}/${r.v}`;
  const want = new Set(expected.map(key));
  const have = actual.map(key);
  const seen = new Set<string>();
  const duplicates = have.filter((k) => seen.has(k) || !seen.add(k));
  const missing = [...want].filter((k) => !seen.has(k));
  const extra = [...seen].filter((k) => !want.has(k));
  if (missing.length + extra.length + duplicates.length === 0) return undefined;
  return `${actual.length} rows, the model has ${expected.length}; missing ${missing.slice(0, 5).join(' ')}${missing.length > 5 ? ' ...' : ''}; unexpected ${extra.slice(0, 5).join(' ')}; duplicated ${duplicates.slice(0, 5).join(' ')}`;
}
