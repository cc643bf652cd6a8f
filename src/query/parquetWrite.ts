/** An Arrow table to Parquet bytes with parquet-wasm (snappy by default, as delta-rs writes). */
import { tableToIPC, type Table } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import { loadParquetWasm } from './parquetWasm.ts';

export type ParquetCompression = 'snappy' | 'zstd' | 'uncompressed';

export async function toParquetBytes(table: Table, options: { compression?: ParquetCompression; createdBy?: string } = {}): Promise<Uint8Array> {
  const parquet = await loadParquetWasm();
  const compression = { snappy: parquet.Compression.SNAPPY, zstd: parquet.Compression.ZSTD, uncompressed: parquet.Compression.UNCOMPRESSED }[options.compression ?? 'snappy'];
  try {
    const wasmTable = parquet.Table.fromIPCStream(tableToIPC(table, 'stream'));
    const properties = new parquet.WriterPropertiesBuilder().setCompression(compression).setCreatedBy(options.createdBy ?? 'Lakelab').build();
    return parquet.writeParquet(wasmTable, properties);
  } catch (error) {
    throw new LakeError('Corrupt', `could not write Parquet: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
