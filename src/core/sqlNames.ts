/** Names tables take in SQL: the table's folder name, made a plain identifier. */
export function toSqlTableName(label: string): string {
  const base = label.split('/').filter(Boolean).pop() ?? 't';
  const name = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
  return name || 't';
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
