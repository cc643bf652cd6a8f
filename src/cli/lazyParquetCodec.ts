/**
 * The Parquet codec the commands read checkpoints with, loaded (parquet-wasm, apache-arrow) on
 * its first use: a command that reads no Parquet, `--help` or a log without a checkpoint,
 * starts without them.
 */
import type { ParquetCodec } from '../core/parquetCodec.ts';

export const lazyParquetCodec: ParquetCodec = {
  async readRows(data, options) {
    const { parquetCodec } = await import('../query/parquetRows.ts');
    return parquetCodec.readRows(data, options);
  },
};
