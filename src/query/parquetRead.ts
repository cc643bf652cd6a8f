/**
 * Parquet bytes to an Arrow table with parquet-wasm. The read is synchronous once parquet-wasm
 * is loaded (its Blob-based reader takes real asynchronous turns, which would let wall-clock
 * timing into the simulator's virtual time); unwanted columns are dropped after the read.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import { loadParquetWasm } from './parquetWasm.ts';

export interface ParquetReadOptions {
  /** Top-level column names; those the file lacks are skipped (not an error). */
  columns?: string[];
  /** What to call the file in errors. */
  name?: string;
}

export async function readArrowTable(data: Uint8Array, options: ParquetReadOptions = {}): Promise<Table> {
  const parquet = await loadParquetWasm();
  const name = options.name ?? 'Parquet file';
  let table: Table;
  try {
    table = tableFromIPC(parquet.readParquet(data).intoIPCStream());
  } catch (error) {
    throw new LakeError('Corrupt', `${name}: cannot read it as Parquet (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (!options.columns) return table;
  const present = new Set(table.schema.fields.map((f) => f.name));
  return table.select(options.columns.filter((c) => present.has(c)));
}
