/**
 * The extension's answers in the JSON forms of Lakelab's scan, for comparison (pure: runs in
 * Node and in the browser tests): FLOAT/DOUBLE come as DuckDB's text ("nan", "inf"),
 * TIMESTAMPTZ as "...+00".
 */
import { canonicalRows } from '../canonicalRows.ts';

function toLakelabForms(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toLakelabForms);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toLakelabForms(v)]));
  if (value === 'nan' || value === '-nan') return 'NaN';
  if (value === 'inf') return 'Infinity';
  if (value === '-inf') return '-Infinity';
  if (typeof value === 'string' && /^-?\d{4,}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\+00$/.test(value)) return `${value.slice(0, -3)}Z`;
  return value;
}

export function canonicalExpected(rows: Record<string, unknown>[]): string[] {
  return canonicalRows(rows.map((row) => toLakelabForms(row) as Record<string, unknown>));
}
