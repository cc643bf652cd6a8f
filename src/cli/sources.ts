/** Source rows for writes: CSV or Parquet files, and a schema inferred from them for new tables. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { LakeError } from '../core/errors.ts';
import type { DataType, StructType } from '../core/delta/schemaTypes.ts';
import { parseSchema } from '../core/delta/schema.ts';
import { parseCsv } from '../query/csvRows.ts';
import { readArrowTable } from '../query/parquetRead.ts';
import { toDeltaStruct, toDeltaType } from '../query/arrowSchema.ts';
import { toJsonValue } from '../query/jsonValues.ts';

export interface SourceData {
  rows: Record<string, unknown>[];
  /** Known for Parquet; inferred for CSV. */
  schema: StructType;
}

export async function loadSources(paths: string[], options: { withFilename?: boolean } = {}): Promise<SourceData> {
  if (paths.length === 0) throw new LakeError('InvalidInput', 'give the source rows with --source file.csv[,file2.parquet]');
  const parts = await Promise.all(paths.map(async (path) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      throw new LakeError('NotFound', `source file ${path} cannot be read (${(error as Error).message})`, { cause: error });
    }
    const part = path.toLowerCase().endsWith('.parquet') ? await fromParquet(bytes, path) : fromCsv(bytes, path);
    if (options.withFilename) for (const row of part.rows) row.filename = basename(path);
    return part;
  }));
  const rows = parts.flatMap((p) => p.rows);
  const first = parts[0]!.schema;
  const schema: StructType = options.withFilename && !first.fields.some((f) => f.name === 'filename')
    ? { type: 'struct', fields: [...first.fields, { name: 'filename', type: 'string', nullable: true, metadata: {} }] }
    : first;
  return { rows, schema };
}

async function fromParquet(bytes: Uint8Array, path: string): Promise<SourceData> {
  const table = await readArrowTable(bytes, { name: path });
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const field of table.schema.fields) row[field.name] = toJsonValue(table.getChild(field.name)!, r, toDeltaType(field.type));
    rows.push(row);
  }
  return { rows, schema: toDeltaStruct(table.schema.fields) };
}

function fromCsv(bytes: Uint8Array, path: string): SourceData {
  const rows = parseCsv(new TextDecoder().decode(bytes), path);
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  return { rows, schema: { type: 'struct', fields: columns.map((name) => ({ name, type: inferType(rows.map((r) => r[name] ?? null)), nullable: true, metadata: {} })) } };
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

/** `--schema "id long, name string, amount decimal(10,2)"` or a Delta schema JSON. */
export function parseSchemaFlag(text: string): StructType {
  if (text.trim().startsWith('{')) return parseSchema(text);
  const fields = text.split(/,(?![^(]*\))/).map((part) => {
    const m = /^\s*(`[^`]+`|[\w]+)\s+([\w(), ]+?)(\s+not\s+null)?\s*$/i.exec(part);
    if (!m) throw new LakeError('InvalidInput', `--schema: cannot read "${part.trim()}"; write "name type", e.g. "id long, name string"`);
    return { name: (m[1] ?? '').replace(/`/g, ''), type: (m[2] ?? '').replace(/\s+/g, '').toLowerCase() as DataType, nullable: !m[3], metadata: {} };
  });
  return parseSchema(JSON.stringify({ type: 'struct', fields }));
}
