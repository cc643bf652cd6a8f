/**
 * An Arrow table to Parquet bytes with parquet-wasm (snappy by default, as delta-rs writes).
 *
 * A column's dictionary page is capped at 64 KiB (arrow-rs's default is 1 MiB). A column with few
 * distinct values keeps its dictionary; one with many (ids, names) falls back to plain encoding
 * after 64 KiB instead of after building a megabyte of dictionary it then drops. That was most
 * of the time of writing such a file, and its plain pages are smaller (decision 0027).
 */
import { tableToIPC, type Table } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import { loadParquetWasm } from './parquetWasm.ts';

const dictionaryPageLimitBytes = 64 * 1024;

export type ParquetCompression = 'snappy' | 'zstd' | 'uncompressed';

export interface ParquetWriteOptions { compression?: ParquetCompression; createdBy?: string }

export async function toParquetBytes(table: Table, options: ParquetWriteOptions = {}): Promise<Uint8Array> {
  return ipcToParquetBytes(tableToIPC(table, 'stream'), options);
}

/** The same from an Arrow IPC stream (what a writing thread receives). */
export async function ipcToParquetBytes(ipc: Uint8Array, options: ParquetWriteOptions = {}): Promise<Uint8Array> {
  const parquet = await loadParquetWasm();
  const compression = { snappy: parquet.Compression.SNAPPY, zstd: parquet.Compression.ZSTD, uncompressed: parquet.Compression.UNCOMPRESSED }[options.compression ?? 'snappy'];
  try {
    const wasmTable = parquet.Table.fromIPCStream(ipc);
    const properties = new parquet.WriterPropertiesBuilder()
      .setCompression(compression)
      .setDictionaryPageSizeLimit(dictionaryPageLimitBytes)
      .setCreatedBy(options.createdBy ?? 'Lakelab')
      .build();
    return parquet.writeParquet(wasmTable, properties);
  } catch (error) {
    throw new LakeError('Corrupt', `could not write Parquet: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
