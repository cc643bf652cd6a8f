/** Rows of a source file for writes (CSV or Parquet), and a schema for them when none is given. */
import type { DataType, StructType } from '../core/delta/schemaTypes.ts';
import { parseCsv } from './csvRows.ts';
import { readArrowTable } from './parquetRead.ts';
import { toDeltaStruct } from './arrowSchema.ts';
import { toResultRows } from './sqlRows.ts';

export interface SourceData {
  rows: Record<string, unknown>[];
  /** Known for Parquet; inferred for CSV. */
  schema: StructType;
}

export async function toSourceRows(name: string, bytes: Uint8Array, options: { withFilename?: boolean } = {}): Promise<SourceData> {
  const data = name.toLowerCase().endsWith('.parquet') ? await fromParquet(bytes, name) : fromCsv(bytes, name);
  if (options.withFilename) {
    for (const row of data.rows) row.filename = name;
    if (!data.schema.fields.some((f) => f.name === 'filename')) data.schema.fields.push({ name: 'filename', type: 'string', nullable: true, metadata: {} });
  }
  return data;
}

export async function toSourcesRows(files: { name: string; bytes: Uint8Array }[], options: { withFilename?: boolean } = {}): Promise<SourceData> {
  const parts = await Promise.all(files.map((f) => toSourceRows(f.name, f.bytes, options)));
  return { rows: parts.flatMap((p) => p.rows), schema: parts[0]?.schema ?? { type: 'struct', fields: [] } };
}

async function fromParquet(bytes: Uint8Array, name: string): Promise<SourceData> {
  const table = await readArrowTable(bytes, { name });
  return { rows: toResultRows(table).rows, schema: toDeltaStruct(table.schema.fields) };
}

function fromCsv(bytes: Uint8Array, name: string): SourceData {
  const rows = parseCsv(new TextDecoder().decode(bytes), name);
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  return { rows, schema: { type: 'struct', fields: columns.map((column) => ({ name: column, type: inferType(rows.map((r) => r[column] ?? null)), nullable: true, metadata: {} })) } };
}

export function inferType(values: (string | null)[]): DataType {
  const present = values.filter((v): v is string => v !== null && v !== '');
  if (present.length === 0) return 'string';
  const all = (pattern: RegExp) => present.every((v) => pattern.test(v.trim()));
  if (all(/^-?\d{1,18}$/)) return 'long';
  if (all(/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/)) return 'double';
  if (all(/^(true|false)$/i)) return 'boolean';
  if (all(/^\d{4}-\d{2}-\d{2}$/)) return 'date';
  if (all(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/)) return 'timestamp';
  return 'string';
}
