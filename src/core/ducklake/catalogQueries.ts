/**
 * The SQL Lakelab runs against a catalog: one SELECT per catalog table, naming every column of
 * the 1.0 shape (NULL for those the catalog's version lacks), in SQL both DuckDB and SQLite
 * understand. Values are then typed by their column's kind (catalogValues.ts).
 */
import { LakeError } from '../errors.ts';
import { quoteIdentifier } from '../sqlNames.ts';
import type { CatalogColumns, CatalogDatabase, CatalogDialect } from './catalogDatabase.ts';
import { catalogTables, presenceIn, tableNamesIn, type CatalogTableName, type ColumnSpec, type TableSpec } from './catalogLayout.ts';
import { toCatalogValue } from './catalogValues.ts';
import type { DucklakeSpecVersion } from './specVersions.ts';

export interface ResolvedTable {
  spec: TableSpec;
  /** The table's name in this catalog; undefined when a development version lacks it. */
  source?: string;
  /** The columns this catalog has. */
  present: Set<string>;
}

export type CatalogLayout = ReadonlyMap<CatalogTableName, ResolvedTable>;

/** Matches the catalog's tables against its version's layout; Corrupt names whatever a required table or column lacks. */
export function resolveLayout(version: DucklakeSpecVersion, tables: ReadonlyMap<string, readonly string[]>, catalogName: string): CatalogLayout {
  const layout = new Map<CatalogTableName, ResolvedTable>();
  const missing: string[] = [];
  for (const spec of catalogTables as readonly TableSpec[]) {
    const names = tableNamesIn(spec, version);
    const source = names.find((n) => tables.has(n));
    const tablePresence = presenceIn(version, spec.formerly ? undefined : spec.since);
    if (!source) {
      if (tablePresence === 'required') missing.push(names[0] ?? spec.name);
      layout.set(spec.name, { spec, present: new Set() });
      continue;
    }
    const have = new Set(tables.get(source));
    const present = new Set<string>();
    for (const column of spec.columns) {
      const presence = presenceIn(version, column.since, column.until);
      if (presence === 'absent') continue;
      if (have.has(column.name)) present.add(column.name);
      else if (presence === 'required') missing.push(`${source}.${column.name}`);
    }
    layout.set(spec.name, { spec, source, present });
  }
  if (missing.length > 0) {
    throw new LakeError('Corrupt', `${catalogName}: a DuckLake ${version} catalog must have ${missing.join(', ')}, which it lacks`);
  }
  return layout;
}

function selectExpression(column: ColumnSpec, present: boolean, dialect: CatalogDialect): string {
  const name = quoteIdentifier(column.name);
  if (!present) return `NULL AS ${name}`;
  if (dialect === 'duckdb' && column.kind === 'time') return `epoch_us(${name}) AS ${name}`;
  if (dialect === 'duckdb' && column.kind === 'uuid') return `CAST(${name} AS VARCHAR) AS ${name}`;
  return name;
}

/** SELECT every column of `table` (null where absent), optionally filtered and ordered. */
export function toSelectSql(table: ResolvedTable, dialect: CatalogDialect, options: SelectOptions = {}): string | undefined {
  if (!table.source) return undefined;
  const list = columnsOf(table, options).map((c) => selectExpression(c, table.present.has(c.name), dialect)).join(', ');
  const where = options.where ? ` WHERE ${options.where}` : '';
  const order = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
  return `SELECT ${list} FROM ${quoteIdentifier(table.source)}${where}${order}`;
}

export interface SelectOptions {
  where?: string;
  orderBy?: string;
  /** Only these columns (all when omitted). */
  columns?: readonly string[];
}

function columnsOf(table: ResolvedTable, options: SelectOptions): readonly ColumnSpec[] {
  const wanted = options.columns;
  return wanted ? table.spec.columns.filter((c) => wanted.includes(c.name)) : table.spec.columns;
}

function toColumns(rows: Record<string, unknown>[]): CatalogColumns {
  const columns: Record<string, unknown[]> = {};
  for (const name of Object.keys(rows[0] ?? {})) columns[name] = rows.map((row) => row[name]);
  return { rowCount: rows.length, columns };
}

/** Rows of one catalog table, typed by kind; [] when the catalog (a development version) lacks it. */
export async function readCatalogTable<Row>(
  db: CatalogDatabase,
  layout: CatalogLayout,
  name: CatalogTableName,
  options: SelectOptions = {},
): Promise<Row[]> {
  const table = layout.get(name);
  const sql = table ? toSelectSql(table, db.dialect, options) : undefined;
  if (!table || !sql || (table.source && db.emptyTables?.has(table.source))) return [];
  const result = db.queryColumns ? await db.queryColumns(sql) : toColumns(await db.query(sql));
  const rows = new Array<Row>(result.rowCount);
  const columns = columnsOf(table, options).map((column) => ({
    name: column.name,
    kind: column.kind,
    values: result.columns[column.name] ?? [],
    // Values already of their kind's JS type pass as they are; the rest are converted or refused.
    expected: column.kind === 'int' || column.kind === 'time' ? 'number' : column.kind === 'bool' ? 'boolean' : 'string',
    at: { catalog: db.name, table: table.source ?? name, column: column.name },
  }));
  for (let r = 0; r < result.rowCount; r++) {
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      const value = column.values[r];
      row[column.name] = value === null || value === undefined ? null
        : typeof value === column.expected && (column.kind !== 'int' || Number.isInteger(value)) ? value
          : toCatalogValue(value, column.kind, column.at);
    }
    rows[r] = row as Row;
  }
  return rows;
}
