/**
 * One data file's bytes and stats from its Arrow columns: Parquet through parquet-wasm, stats
 * from the columns (columnStats.ts). In the calling thread by default; a pool of threads
 * (src/workers/dataFileEncodePool.ts, the CLI's) runs the same steps on Arrow IPC bytes while
 * the caller goes on to the next file (docs/decisions/0028).
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { ipcToParquetBytes, toParquetBytes } from './parquetWrite.ts';
import { toColumnStats } from './columnStats.ts';

export interface StatsSpec {
  /** Physical name (the table's field) and Delta type of each data column, in order. */
  columns: readonly { name: string; type: DataType }[];
  indexedColumns?: number;
  statsColumns?: readonly string[];
}

export interface EncodedFile {
  bytes: Uint8Array;
  /** The add action's stats JSON. */
  stats: string;
}

export interface DataFileEncoder {
  /** How many files it encodes off the calling thread at once (0: in it, one at a time). */
  readonly concurrency: number;
  encode(table: Table, stats: StatsSpec): Promise<EncodedFile>;
}

export const inlineEncoder: DataFileEncoder = {
  concurrency: 0,
  async encode(table, stats) {
    return { bytes: await toParquetBytes(table), stats: statsOf(table, stats) };
  },
};

/** What a pool's thread does with a file sent to it as an Arrow IPC stream. */
export async function encodeIpc(ipc: Uint8Array, stats: StatsSpec): Promise<EncodedFile> {
  const bytes = await ipcToParquetBytes(ipc);
  return { bytes, stats: statsOf(tableFromIPC(ipc), stats) };
}

function statsOf(table: Table, spec: StatsSpec): string {
  const columns = spec.columns.map((c) => ({ name: c.name, type: c.type, data: table.getChild(c.name)?.data[0] ?? missing(c.name) }));
  return toColumnStats(columns, table.numRows, spec.indexedColumns, spec.statsColumns ? new Set(spec.statsColumns) : undefined);
}

function missing(name: string): never {
  throw new Error(`the file's columns have no "${name}"`);
}
