/**
 * Rows as order-insensitive canonical text, per the fixtures' MANIFEST: values compare by
 * canonical text (1 == "1", "2021-01-01 00:00:00" == "2021-01-01T00:00:00.000000Z").
 */
export function canonicalRows(rows: Record<string, unknown>[]): string[] {
  return rows.map(canonicalRow).sort();
}

function canonicalRow(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((key) => [key, canonicalValue(row[key])]));
}

const timestampPattern = /^(-?\d{4,}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|\+00:?00)?$/;

function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonicalValue(v)]));
  }
  const text = String(value);
  const ts = timestampPattern.exec(text);
  if (ts) return `${ts[1]}T${ts[2]}.${(ts[3] ?? '').padEnd(6, '0').slice(0, 6)}`;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) && Number.isFinite(Number(text)) && Math.abs(Number(text)) < 2 ** 53) {
    return String(Number(text));
  }
  return text;
}
