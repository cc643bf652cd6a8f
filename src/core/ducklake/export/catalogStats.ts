/**
 * Delta per-file statistics (PROTOCOL.md "Per-file Statistics") from the catalog's
 * ducklake_file_column_stats, without reading the file: numRecords (the file's rows; deletion
 * vectors are counted apart), and for top-level primitive columns nullCount and, where the text
 * converts exactly, minValues and maxValues keyed by physical name. Bounds Lakelab cannot state
 * exactly (floats with NaN, timestamps, which Delta keeps in milliseconds, long integers past
 * 2^53, wide decimals, binary) are left out: a missing bound only costs file skipping.
 */
import type { DataType, StructType } from '../../delta/schemaTypes.ts';
import type { FileColumnStatsRow } from '../catalogRows.ts';
import { fieldIdOf, physicalNameOf, type ColumnMappingMode } from '../../delta/columnMapping.ts';

export function toCatalogStats(recordCount: number, stats: readonly FileColumnStatsRow[], schema: StructType, mode: ColumnMappingMode, idOf: (name: string) => number | undefined): string {
  const minValues: Record<string, unknown> = {};
  const maxValues: Record<string, unknown> = {};
  const nullCount: Record<string, unknown> = {};
  const byId = new Map(stats.map((s) => [s.column_id, s]));
  for (const field of schema.fields) {
    if (typeof field.type !== 'string') continue;
    const id = mode === 'none' ? idOf(field.name) : fieldIdOf(field);
    const row = id === undefined ? undefined : byId.get(id);
    if (!row) continue;
    const key = physicalNameOf(field, mode);
    if (row.null_count !== null) nullCount[key] = Number(row.null_count);
    if (row.contains_nan) continue;
    const min = toStatValue(row.min_value, field.type);
    const max = toStatValue(row.max_value, field.type);
    if (min !== undefined && max !== undefined) {
      minValues[key] = min;
      maxValues[key] = max;
    }
  }
  return JSON.stringify({ numRecords: recordCount, minValues, maxValues, nullCount });
}

function toStatValue(text: string | null, type: DataType): unknown {
  if (text === null) return undefined;
  switch (type) {
    case 'byte': case 'short': case 'integer': case 'long': {
      if (!/^-?\d+$/.test(text)) return undefined;
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'float': case 'double': {
      const n = Number(text);
      return Number.isFinite(n) && /^-?[\d.]+(e[+-]?\d+)?$/i.test(text) && type === 'double' ? n : undefined;
    }
    case 'boolean':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
    case 'string':
      return text;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
    default: {
      const decimal = typeof type === 'string' ? /^decimal\((\d+),(\d+)\)$/.exec(type) : null;
      if (!decimal || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
      return text.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? Number(text) : undefined;
    }
  }
}
