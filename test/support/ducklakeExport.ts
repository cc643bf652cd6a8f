/**
 * Exporting a conformance case's table into a scratch copy of its data folder, with the Delta
 * table in the table's own folder (so the Parquet files are referenced in place, by relative
 * paths), and reading the Delta table back with Lakelab's Delta reader.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { seededRng } from '../../src/core/rng.ts';
import { classifyPath, fileLocation, tableBase } from '../../src/core/ducklake/dataPaths.ts';
import { findExportTable } from '../../src/core/ducklake/export/exportTable.ts';
import type { ExportReaderVersion } from '../../src/core/ducklake/export/exportProtocol.ts';
import { NodeFsStore } from '../../src/storage/nodeFsStore.ts';
import type { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import type { DataFiles } from '../../src/query/ducklake/ducklakeScan.ts';
import { exportToDelta, type ExportOutcome } from '../../src/query/ducklake/export/exportToDelta.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { readTableRows } from '../readTableRows.ts';
import { ducklakeFixtures, type DucklakeCase } from './ducklakeCases.ts';

export function caseDataRoot(testCase: DucklakeCase, lake: OpenDucklake): string | undefined {
  const folder = dirname(join(ducklakeFixtures, testCase.catalog));
  const dataPath = lake.catalog.dataPath ?? '';
  if (testCase.data) return join(ducklakeFixtures, testCase.data);
  return classifyPath(dataPath) === 'relative' ? resolve(folder, dataPath) : undefined;
}

/** The deepest folder under the data path holding every file the table ever had ('' when they are spread out). */
export async function tableFolder(lake: OpenDucklake, tableId: number): Promise<string> {
  const files = await lake.tableFiles(tableId);
  const keys = [...files.dataFiles, ...files.deleteFiles].map((f) => {
    const location = fileLocation(lake.catalog, tableBase(lake.catalog, tableId, f.begin_snapshot), f.path, f.path_is_relative);
    return location.kind === 'relative' ? location.key : '';
  });
  if (keys.length === 0) return '';
  let prefix = keys[0]!.slice(0, keys[0]!.lastIndexOf('/') + 1);
  for (const key of keys) while (!key.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix;
}

export interface ScratchExport {
  dataDir: string;
  store: NodeFsStore;
  root: string;
  data: DataFiles;
}

/** A scratch copy of the case's data folder, and where the table's Delta table goes in it (removed when the test ends, unless `folder` is given). */
export async function scratchExport(testCase: DucklakeCase, lake: OpenDucklake, table: string, folder?: string): Promise<ScratchExport> {
  let base = folder;
  if (base === undefined) {
    const scratchDir = mkdtempSync(join(tmpdir(), 'lakelab-export-'));
    onTestFinished(() => rmSync(scratchDir, { recursive: true, force: true }));
    base = scratchDir;
  }
  const dataDir = join(base, 'data');
  const source = caseDataRoot(testCase, lake);
  if (source && existsSync(source)) cpSync(source, dataDir, { recursive: true });
  else mkdirSync(dataDir, { recursive: true });
  const root = await tableFolder(lake, findExportTable(lake.catalog, table, lake.latestSnapshot));
  const store = new NodeFsStore(dataDir);
  const data: DataFiles = { store, resolveAbsolute: (path) => ({ store: new NodeFsStore('/'), key: path.replace(/^\/+/, '') }) };
  return { dataDir, store, root, data };
}

let runs = 0;

/** Each run draws other file names (as the CLI does, seeded by time and process), so a second run never overwrites the first's files. */
export function runExport(lake: OpenDucklake, table: string, scratch: ScratchExport, options: { readerVersion?: ExportReaderVersion; snapshot?: number; mode?: 'incremental' | 'full'; seed?: number } = {}): Promise<ExportOutcome> {
  return exportToDelta({
    lake,
    table,
    data: scratch.data,
    target: { store: scratch.store, root: scratch.root, description: `folder ${join(scratch.dataDir, scratch.root)}` },
    placement: { rootUnderDataPath: scratch.root, dataPathUri: `file://${scratch.dataDir}/` },
    mode: options.mode ?? 'incremental',
    readerVersion: options.readerVersion,
    snapshot: options.snapshot,
    rng: seededRng(options.seed ?? ++runs),
    engineInfo: 'Lakelab test',
  });
}

/** The Delta version that holds DuckLake snapshot `snapshotId`: the last commit of a snapshot at or before it. */
export function versionAt(outcomes: readonly ExportOutcome[], snapshotId: number): number | undefined {
  const commits = outcomes.flatMap((o) => o.commits).filter((c) => c.snapshotId <= snapshotId);
  return commits.at(-1)?.version;
}

export function readDeltaRows(scratch: ScratchExport, version: number) {
  return readTableRows(scratch.store, { version, codec: parquetCodec, tableRoot: scratch.root });
}
