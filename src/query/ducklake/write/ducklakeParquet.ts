/**
 * A DuckLake data or delete file as Parquet bytes (parquet-wasm, snappy as the extension
 * writes): data columns carry their column ids as field ids, and an update's rows the row ids
 * they keep (_ducklake_internal_row_id); delete files are
 * (file_path VARCHAR, pos BIGINT) with DuckLake's reserved field ids. Returns what the catalog
 * records of the file: its size and its footer's length (the 4 bytes before the closing
 * "PAR1"). Column chunk sizes are left unknown (null): parquet-wasm gives metadata only
 * through an asynchronous Blob reader.
 */
import { Field, Int64, Schema, Table, Utf8, makeVector } from 'apache-arrow';
import { LakeError } from '../../../core/errors.ts';
import type { DataFileToWrite, WrittenFile } from '../../../core/ducklake/write/planInsert.ts';
import type { DeleteFileToWrite } from '../../../core/ducklake/write/planDelete.ts';
import { toStatsText } from '../../../core/ducklake/write/columnStats.ts';
import { toArrowTable, toColumnVector } from '../../jsonToArrow.ts';
import { toParquetBytes } from '../../parquetWrite.ts';
import { rowIdColumn } from '../fileRows.ts';

const filePathFieldId = 2147483646;
/** An update's rows carry the row ids they keep in this column, as the extension writes them (fileRows.ts reads it). */
const rowIdFieldId = 2147483540;
const posFieldId = 2147483645;
const createdBy = 'Lakelab';

export async function toDataFileParquet(file: DataFileToWrite): Promise<{ bytes: Uint8Array; written: WrittenFile }> {
  // The Arrow builder takes a decimal as its text (it scales it itself), not as the unscaled integer the plans hold.
  const decimals = file.columns.flatMap((c) => {
    const m = typeof c.type === 'string' ? /^decimal\(\d+,(\d+)\)$/.exec(c.type) : null;
    return m ? [{ name: c.name, scale: Number(m[1]) }] : [];
  });
  const rows = decimals.length === 0 ? file.rows : file.rows.map((row) => {
    const out = { ...row };
    for (const { name, scale } of decimals) if (typeof out[name] === 'bigint') out[name] = toStatsText(out[name], `decimal(38,${scale})`);
    return out;
  });
  const columns = file.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, fieldId: c.fieldId }));
  const kept = file.keptRowIds;
  const table = kept
    ? toArrowTable(rows.map((row, i) => ({ ...row, [rowIdColumn]: kept[i] })), [...columns, { name: rowIdColumn, type: 'long', nullable: true, fieldId: rowIdFieldId }])
    : toArrowTable(rows, columns);
  const bytes = await toParquetBytes(table, { createdBy });
  return { bytes, written: toWritten(bytes) };
}

export async function toDeleteFileParquet(file: DeleteFileToWrite): Promise<{ bytes: Uint8Array; written: WrittenFile }> {
  // Built buffer by buffer: Arrow's builders compile a validity check with new Function, which the page's CSP forbids.
  const paths = toColumnVector(file.positions.map(() => file.dataFilePath), { name: 'file_path', type: 'string', nullable: true });
  const positions = makeVector({ type: new Int64(), data: BigInt64Array.from(file.positions, (p) => BigInt(p)) });
  const schema = new Schema([
    new Field('file_path', new Utf8(), true, new Map([['PARQUET:field_id', String(filePathFieldId)]])),
    new Field('pos', new Int64(), true, new Map([['PARQUET:field_id', String(posFieldId)]])),
  ]);
  const bytes = await toParquetBytes(new Table(schema, { file_path: paths, pos: positions }), { createdBy });
  return { bytes, written: toWritten(bytes) };
}

function toWritten(bytes: Uint8Array): WrittenFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const footerSize = view.getUint32(bytes.length - 8, true);
  if (bytes.length < 12 || footerSize > bytes.length - 12) throw new LakeError('Corrupt', `a Parquet file Lakelab wrote has a footer of ${footerSize} bytes in ${bytes.length}`);
  return { size: bytes.length, footerSize };
}
