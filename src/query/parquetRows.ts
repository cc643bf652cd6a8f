/** The ParquetCodec core reads checkpoints through: parquet-wasm, then Arrow, then plain rows. */
import type { ParquetCodec } from '../core/parquetCodec.ts';
import { toPlainRows } from './arrowToPlain.ts';
import { readArrowTable } from './parquetRead.ts';

export const parquetCodec: ParquetCodec = {
  async readRows(data, options = {}) {
    return toPlainRows(await readArrowTable(data, { columns: options.columns }));
  },
};
