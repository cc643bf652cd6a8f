/**
 * A reference reading of an exported Delta table, independent of Lakelab's Delta reader: the
 * JSON commits replayed by hand (adds and removes keyed by path and deletion vector), deletion
 * vectors decoded from the protocol's own description (Z85 file names, the framed
 * RoaringBitmapArray, the portable 32-bit Roaring format), and each data file read by native
 * DuckDB's read_parquet, columns found by field id (column mapping id) or name, rows the
 * deletion vector deletes dropped by file_row_number. Values are DuckDB's text forms.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

interface Field { name: string; type: unknown; metadata: Record<string, unknown> }
interface Dv { storageType: string; pathOrInlineDv: string; offset?: number; sizeInBytes: number }
interface AddAction { path: string; partitionValues: Record<string, string | null>; deletionVector?: Dv }

export function replayLog(tableDir: string, version: number): { fields: Field[]; partitionColumns: string[]; mode: string; adds: AddAction[] } {
  let fields: Field[] = [];
  let partitionColumns: string[] = [];
  let mode = 'none';
  const live = new Map<string, AddAction>();
  const key = (path: string, dv?: Dv) => `${path}|${dv ? `${dv.pathOrInlineDv}@${dv.offset ?? ''}` : ''}`;
  const commits = readdirSync(join(tableDir, '_delta_log')).filter((f) => /^\d{20}\.json$/.test(f)).sort();
  for (const name of commits.slice(0, version + 1)) {
    for (const line of readFileSync(join(tableDir, '_delta_log', name), 'utf8').split('\n').filter(Boolean)) {
      const action = JSON.parse(line) as Record<string, Record<string, unknown>>;
      if (action.metaData) {
        fields = (JSON.parse(action.metaData.schemaString as string) as { fields: Field[] }).fields;
        partitionColumns = action.metaData.partitionColumns as string[];
        mode = (action.metaData.configuration as Record<string, string>)['delta.columnMapping.mode'] ?? 'none';
      }
      if (action.remove) live.delete(key(action.remove.path as string, action.remove.deletionVector as Dv | undefined));
      if (action.add) live.set(key(action.add.path as string, action.add.deletionVector as Dv | undefined), action.add as unknown as AddAction);
    }
  }
  return { fields, partitionColumns, mode, adds: [...live.values()] };
}

const z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

function decodeZ85(text: string): Uint8Array {
  const out = new Uint8Array((text.length / 5) * 4);
  for (let i = 0; i < text.length; i += 5) {
    let value = 0;
    for (let j = 0; j < 5; j++) value = value * 85 + z85.indexOf(text[i + j]!);
    new DataView(out.buffer).setUint32((i / 5) * 4, value, false);
  }
  return out;
}

/** The row indexes a deletion vector deletes ('u' storage: a file beside the data). */
export function deletedRows(tableDir: string, dv: Dv): Set<number> {
  if (dv.storageType !== 'u') throw new Error(`reference reader: storage type ${dv.storageType}`);
  const prefix = dv.pathOrInlineDv.slice(0, -20);
  const hex = [...decodeZ85(dv.pathOrInlineDv.slice(-20))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const file = readFileSync(join(tableDir, prefix, `deletion_vector_${uuid}.bin`));
  const at = dv.offset ?? 1;
  const size = file.readUInt32BE(at);
  const bytes = file.subarray(at + 4, at + 4 + size);
  if (bytes.readUInt32LE(0) !== 1681511377) throw new Error('reference reader: not a deletion vector bitmap');
  const count = Number(bytes.readBigUInt64LE(4));
  const rows = new Set<number>();
  let p = 12;
  for (let b = 0; b < count; b++) {
    const high = bytes.readUInt32LE(p);
    p += 4;
    p = readRoaring32(bytes, p, (low) => rows.add(high * 2 ** 32 + low));
  }
  return rows;
}

/** The portable Roaring format (RoaringFormatSpec), 32-bit; returns the offset after it. */
function readRoaring32(b: Buffer, start: number, add: (value: number) => void): number {
  let p = start;
  const cookie = b.readUInt32LE(p);
  let n: number;
  let runs: Buffer | undefined;
  if (cookie === 12346) {
    n = b.readUInt32LE(p + 4);
    p += 8;
  } else if ((cookie & 0xffff) === 12347) {
    n = (cookie >>> 16) + 1;
    p += 4;
    runs = b.subarray(p, p + Math.ceil(n / 8));
    p += Math.ceil(n / 8);
  } else throw new Error('reference reader: not a portable Roaring bitmap');
  const keys: number[] = [];
  const cards: number[] = [];
  for (let i = 0; i < n; i++) {
    keys.push(b.readUInt16LE(p));
    cards.push(b.readUInt16LE(p + 2) + 1);
    p += 4;
  }
  if (!runs || n >= 4) p += 4 * n;
  for (let i = 0; i < n; i++) {
    const base = keys[i]! * 65536;
    if (runs && (runs[i >> 3]! >> (i & 7)) & 1) {
      const count = b.readUInt16LE(p);
      p += 2;
      for (let r = 0; r < count; r++) {
        const from = b.readUInt16LE(p);
        const length = b.readUInt16LE(p + 2);
        p += 4;
        for (let v = from; v <= from + length; v++) add(base + v);
      }
    } else if (cards[i]! > 4096) {
      for (let w = 0; w < 1024; w++) {
        const word = b.readBigUInt64LE(p + w * 8);
        for (let bit = 0; bit < 64; bit++) if ((word >> BigInt(bit)) & 1n) add(base + w * 64 + bit);
      }
      p += 8192;
    } else {
      for (let v = 0; v < cards[i]!; v++) add(base + b.readUInt16LE(p + v * 2));
      p += cards[i]! * 2;
    }
  }
  return p;
}

const sqlTypes: Record<string, string> = {
  byte: 'TINYINT', short: 'SMALLINT', integer: 'INTEGER', long: 'BIGINT', float: 'FLOAT', double: 'DOUBLE', string: 'VARCHAR',
  binary: 'BLOB', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMPTZ', timestamp_ntz: 'TIMESTAMP',
};

export function sqlTypeOf(type: unknown): string | undefined {
  if (typeof type !== 'string') return undefined;
  return sqlTypes[type] ?? (/^decimal\(\d+,\d+\)$/.test(type) ? type.toUpperCase() : undefined);
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const ident = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The table's rows at `version` as native DuckDB reads its files (top-level primitive columns only). */
export async function readWithDuckdb(tableDir: string, version: number): Promise<Record<string, unknown>[]> {
  const { fields, partitionColumns, mode, adds } = replayLog(tableDir, version);
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const rows: Record<string, unknown>[] = [];
  try {
    for (const add of adds) {
      const path = join(tableDir, decodeURIComponent(add.path));
      const data = fields.filter((f) => !partitionColumns.includes(f.name));
      let from: string;
      if (mode === 'id') {
        const schema = data.map((f) => `${f.metadata['delta.columnMapping.id']}: {name: ${quote(f.name)}, type: ${quote(sqlTypeOf(f.type)!)}, default_value: NULL}`);
        from = `read_parquet(${quote(path)}, file_row_number = true, schema = MAP {${schema.join(', ')}})`;
      } else {
        const have = new Set((await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quote(path)})`)).getRowObjectsJS().map((r) => r.column_name as string));
        from = `(SELECT ${data.map((f) => (have.has(f.name) ? ident(f.name) : `NULL::${sqlTypeOf(f.type)} AS ${ident(f.name)}`)).concat('file_row_number').join(', ')} FROM read_parquet(${quote(path)}, file_row_number = true))`;
      }
      const columns = fields.map((f) => {
        const value = partitionColumns.includes(f.name)
          ? (add.partitionValues[(f.metadata['delta.columnMapping.physicalName'] as string | undefined) ?? f.name] ?? add.partitionValues[f.name]) ?? null
          : undefined;
        const expr = value === undefined ? ident(f.name) : value === null ? 'NULL' : `${quote(value)}::${sqlTypeOf(f.type)}`;
        return f.type === 'binary' ? `to_base64(${expr}) AS ${ident(f.name)}` : `(${expr})::VARCHAR AS ${ident(f.name)}`;
      });
      const deleted = add.deletionVector ? deletedRows(tableDir, add.deletionVector) : new Set<number>();
      const result = (await db.runAndReadAll(`SELECT ${columns.join(', ')}, file_row_number FROM ${from}`)).getRowObjectsJS() as Record<string, unknown>[];
      for (const { file_row_number: position, ...row } of result) if (!deleted.has(Number(position))) rows.push(row);
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  return rows;
}
