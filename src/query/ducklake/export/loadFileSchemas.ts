/**
 * Each data file's Parquet schema, from its footer alone: one ranged read of the last
 * footer_size + 8 bytes (the catalog knows footer_size; without it, the 8-byte trailer first),
 * parsed by parquet-wasm's readSchema behind a "PAR1" header.
 */
import { tableFromIPC, type Field } from 'apache-arrow';
import { LakeError } from '../../../core/errors.ts';
import type { FileField } from '../../../core/ducklake/export/exportFacts.ts';
import type { DataLocation } from '../../../core/ducklake/dataPaths.ts';
import { describeLocation } from '../../../core/ducklake/dataPaths.ts';
import { joinKey } from '../../../core/objectStore.ts';
import { loadParquetWasm } from '../../parquetWasm.ts';
import type { DataFiles, ReadContext } from '../ducklakeScan.ts';
import { readData } from '../ducklakeScan.ts';

export async function loadFileSchema(data: DataFiles, location: DataLocation, size: number, footerSize: number | null, context: ReadContext): Promise<FileField[]> {
  const target = location.kind === 'relative' ? { store: data.store, key: joinKey(data.prefix ?? '', location.key) } : data.resolveAbsolute?.(location.path);
  // Outside the data path and unreachable: readData says so, naming the file.
  if (!target) await readData(data, location, context, 'data file');
  const store = target!.store;
  let footer = footerSize;
  if (footer === null || footer <= 0) {
    const trailer = await store.get(target!.key, { range: { offset: Math.max(0, size - 8), length: 8 } });
    footer = new DataView(trailer.buffer, trailer.byteOffset, trailer.byteLength).getUint32(0, true);
  }
  const length = Math.min(size, footer + 8);
  const tail = await store.get(target!.key, { range: { offset: size - length, length } });
  const bytes = new Uint8Array(4 + tail.length);
  bytes.set([0x50, 0x41, 0x52, 0x31]);
  bytes.set(tail, 4);
  const parquet = await loadParquetWasm();
  try {
    return tableFromIPC(parquet.readSchema(bytes).intoIPCStream()).schema.fields.map(toFileField);
  } catch (error) {
    throw new LakeError('Corrupt', `data file ${describeLocation(location)}: its Parquet footer cannot be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

function toFileField(field: Field): FileField {
  const id = field.metadata.get('PARQUET:field_id');
  return { id: id === undefined ? undefined : Number(id), name: field.name, type: String(field.type), children: (field.type.children ?? []).map(toFileField) };
}
