/** Parquet bytes to an Arrow table with parquet-wasm, reading only the columns asked for. */
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
  let file: { free(): void } | undefined;
  try {
    const parquetFile = await parquet.ParquetFile.fromFile(new Blob([data as Uint8Array<ArrayBuffer>]));
    file = parquetFile;
    let columns = options.columns;
    if (columns) {
      const schema = parquetFile.schema();
      columns = columns.filter((c) => hasField(schema, c));
      schema.free();
    }
    const wasmTable = await parquetFile.read(columns ? { columns } : undefined);
    return tableFromIPC(wasmTable.intoIPCStream());
  } catch (error) {
    if (error instanceof LakeError) throw error;
    throw new LakeError('Corrupt', `${name}: cannot read it as Parquet (${errorText(error)})`, { cause: error });
  } finally {
    file?.free();
  }
}

function hasField(schema: { indexOf(name: string): number }, name: string): boolean {
  try {
    return schema.indexOf(name) >= 0;
  } catch {
    return false; // parquet-wasm throws for a missing field
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
