/**
 * The pages of every column chunk of a Parquet file, read from the page headers (Thrift compact
 * protocol, parquet.thrift `PageHeader`): so a fixture can prove it has several row groups and
 * more than one data page per column chunk. Chunk offsets come from native DuckDB's
 * `parquet_metadata`.
 */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface ColumnChunkPages {
  rowGroup: number;
  column: string;
  /** PageType per page: 0 DATA_PAGE, 2 DICTIONARY_PAGE, 3 DATA_PAGE_V2. */
  pageTypes: number[];
}

export async function loadColumnChunkPages(db: DuckDBConnection, path: string): Promise<ColumnChunkPages[]> {
  const reader = await db.runAndReadAll(
    `SELECT row_group_id, path_in_schema, dictionary_page_offset, data_page_offset, total_compressed_size FROM parquet_metadata('${path.replace(/'/g, "''")}')`,
  );
  const bytes = readFileSync(path);
  return reader.getRowObjectsJS().map((chunk) => {
    const data = Number(chunk.data_page_offset);
    const dictionary = chunk.dictionary_page_offset === null ? undefined : Number(chunk.dictionary_page_offset);
    const start = dictionary !== undefined && dictionary > 0 && dictionary < data ? dictionary : data;
    const end = start + Number(chunk.total_compressed_size);
    const pageTypes: number[] = [];
    const at = { i: start };
    while (at.i < end) {
      const header = readStruct(bytes, at);
      pageTypes.push(header.get(1) ?? -1);
      at.i += header.get(3) ?? 0;
    }
    return { rowGroup: Number(chunk.row_group_id), column: String(chunk.path_in_schema), pageTypes };
  });
}

/** A struct's top-level integer fields by id; nested values are skipped. */
function readStruct(bytes: Buffer, at: { i: number }): Map<number, number> {
  const fields = new Map<number, number>();
  let id = 0;
  for (;;) {
    const header = bytes[at.i++] ?? 0;
    if (header === 0) return fields;
    const delta = header >> 4;
    const type = header & 15;
    id = delta ? id + delta : zigzag(readVarint(bytes, at));
    if (type === 5 || type === 6) fields.set(id, zigzag(readVarint(bytes, at)));
    else skip(bytes, at, type);
  }
}

function skip(bytes: Buffer, at: { i: number }, type: number): void {
  if (type === 1 || type === 2) return;
  if (type === 3) at.i += 1;
  else if (type === 4 || type === 5 || type === 6) readVarint(bytes, at);
  else if (type === 7) at.i += 8;
  else if (type === 8) at.i += readVarint(bytes, at);
  else if (type === 9 || type === 10) {
    const header = bytes[at.i++] ?? 0;
    const count = header >> 4 === 15 ? readVarint(bytes, at) : header >> 4;
    for (let k = 0; k < count; k++) skip(bytes, at, header & 15);
  } else if (type === 12) readStruct(bytes, at);
  else throw new Error(`Thrift compact type ${type} at byte ${at.i}`);
}

function readVarint(bytes: Buffer, at: { i: number }): number {
  let value = 0;
  let shift = 1;
  for (;;) {
    const b = bytes[at.i++] ?? 0;
    value += (b & 0x7f) * shift;
    shift *= 128;
    if ((b & 0x80) === 0) return value;
  }
}

function zigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}
