/**
 * The Write form's starting values, from the open table's columns (and a row of it, for
 * example values): the merge key, whether sources get a `filename` column, and the
 * placeholders of the predicate, SET and SQL source fields.
 */
/** A column as the format-neutral schema has it (core/table.ts TableColumn): its name, type label, nested fields. */
export interface WriteColumn {
  name: string;
  type: string;
  children: readonly unknown[];
}

export interface WriteDefaults {
  mergeOn: string;
  /** True when the table has a `filename` column: the batch-file ingest pattern (one file per batch). */
  withFilename: boolean;
  predicatePlaceholder: string;
  setPlaceholder: string;
  sqlSourcePlaceholder: string;
}

export function toWriteDefaults(fields: readonly WriteColumn[], sqlTableName: string, row?: Record<string, unknown>): WriteDefaults {
  const names = fields.map((f) => f.name);
  const withFilename = names.includes('filename');
  const key = chooseKey(fields, withFilename);
  const others = fields.filter((f) => f !== key && isPrimitive(f));
  const other = others.find((f) => !/(^|_)id$/i.test(f.name)) ?? others[0] ?? key;
  if (!key) {
    return { mergeOn: '', withFilename, predicatePlaceholder: '', setPlaceholder: '', sqlSourcePlaceholder: `SELECT * FROM ${sqlTableName}` };
  }
  const k = toIdentifier(key.name);
  return {
    mergeOn: `t.${k} = s.${k}`,
    withFilename,
    predicatePlaceholder: `${k} = ${toLiteral(key.type, row?.[key.name])}`,
    setPlaceholder: other ? `${toIdentifier(other.name)} = ${toLiteral(other.type, undefined)}` : '',
    sqlSourcePlaceholder: `SELECT ${names.map((n) => toSqlIdentifier(n)).join(', ')} FROM ${sqlTableName}`,
  };
}

/** `filename` for batch ingests, else a column named like an id, else the first column of a plain type. */
function chooseKey(fields: readonly WriteColumn[], withFilename: boolean): WriteColumn | undefined {
  const plain = fields.filter((f) => isPrimitive(f));
  return (withFilename ? plain.find((f) => f.name === 'filename') : undefined)
    ?? plain.find((f) => f.name.toLowerCase() === 'id')
    ?? plain.find((f) => /(^|_)id$/i.test(f.name))
    ?? plain[0]
    ?? fields[0];
}

function isPrimitive(column: WriteColumn): boolean {
  return column.children.length === 0 && !/^(struct|array|map|list)\b/i.test(column.type);
}

/** A name in a Lakelab predicate: backticks when it is not a plain identifier. */
function toIdentifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function toSqlIdentifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** A literal of the column's type: the row's value when there is one, else a value of that type. */
function toLiteral(type: string, value: unknown): string {
  const numeric = /^(byte|short|integer|long|float|double|decimal)/.test(type);
  if (value !== null && value !== undefined && (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')) {
    return numeric || typeof value === 'boolean' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  }
  if (numeric) return '0';
  if (type === 'boolean') return 'true';
  if (type === 'date') return "'2024-01-01'";
  return "'x'";
}
