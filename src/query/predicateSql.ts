/**
 * A parsed Predicate as a DuckDB expression that means exactly what evaluatePredicate means,
 * built from the parsed form, never by rewriting the text (a backtick inside a string literal
 * once became a double quote). The same rules as compareValues: each comparison is made in the
 * Delta type of its column, a literal is converted here by the same functions (one that does
 * not convert makes the comparison unknown), NaN compares as unknown, and IN that finds no
 * equal value is false (unknown when the list holds a NULL).
 */
import type { DataType } from '../core/delta/schemaTypes.ts';
import type { Comparison, Literal, Predicate } from '../core/delta/predicate.ts';
import { decimalOf } from '../core/delta/schema.ts';
import { toBigInt, toBoolean, toDays, toMicros, toNumber, toScaledBigInt, toText } from '../core/delta/compareValues.ts';

export interface SqlColumns {
  /** The SQL naming a column of the predicate, quoted (e.g. "t"."my col"). */
  sqlOf(column: string): string;
  typeOf(column: string): DataType;
}

/** How values of a Delta type compare: the families compareValues knows. */
export type ComparisonFamily = 'integer' | 'float' | 'decimal' | 'boolean' | 'string' | 'date' | 'timestamp';

export function comparisonFamilyOf(type: DataType): ComparisonFamily | undefined {
  switch (type) {
    case 'byte': case 'short': case 'integer': case 'long': return 'integer';
    case 'float': case 'double': return 'float';
    case 'boolean': return 'boolean';
    case 'string': return 'string';
    case 'date': return 'date';
    case 'timestamp': case 'timestamp_ntz': return 'timestamp';
    default: return decimalOf(type) ? 'decimal' : undefined;
  }
}

export function toDuckdbPredicate(predicate: Predicate, columns: SqlColumns): string {
  switch (predicate.op) {
    case 'and': return `(${toDuckdbPredicate(predicate.left, columns)} AND ${toDuckdbPredicate(predicate.right, columns)})`;
    case 'or': return `(${toDuckdbPredicate(predicate.left, columns)} OR ${toDuckdbPredicate(predicate.right, columns)})`;
    case 'not': return `(NOT ${toDuckdbPredicate(predicate.arg, columns)})`;
    case 'isNull': return `(${columns.sqlOf(predicate.column)} IS ${predicate.negated ? 'NOT ' : ''}NULL)`;
    case 'compare': return compareWithLiteral(columns.sqlOf(predicate.column), columns.typeOf(predicate.column), predicate.comparison, predicate.value);
    case 'compareColumns': return compareColumns(predicate, columns);
    case 'in': {
      const column = columns.sqlOf(predicate.column);
      const type = columns.typeOf(predicate.column);
      const equal = predicate.values.filter((v) => v !== null).map((v) => `${compareWithLiteral(column, type, '=', v)} IS TRUE`);
      const otherwise = predicate.values.includes(null) ? 'NULL' : String(predicate.negated).toUpperCase();
      return `(CASE WHEN ${column} IS NULL THEN NULL WHEN ${equal.length > 0 ? equal.join(' OR ') : 'FALSE'} THEN ${String(!predicate.negated).toUpperCase()} ELSE ${otherwise} END)`;
    }
  }
}

function compareWithLiteral(column: string, type: DataType, op: Comparison, value: Literal): string {
  if (value === null) return 'NULL';
  const sqlOp = op === '!=' ? '<>' : op;
  switch (comparisonFamilyOf(type)) {
    case 'integer': {
      const exact = toBigInt(value);
      if (exact !== undefined) return `(${column} ${sqlOp} ${exact})`;
      const number = toNumber(value);
      return number === undefined || Number.isNaN(number) ? 'NULL' : `(CAST(${column} AS DOUBLE) ${sqlOp} ${toDoubleSql(number)})`;
    }
    case 'float': {
      const number = toNumber(value);
      return number === undefined || Number.isNaN(number) ? 'NULL' : `(CASE WHEN isnan(${column}) THEN NULL ELSE ${column} ${sqlOp} ${toDoubleSql(number)} END)`;
    }
    case 'decimal': {
      const scale = decimalOf(type)?.scale ?? 0;
      const scaled = toScaledBigInt(value, scale);
      return scaled === undefined ? 'NULL' : `(${column} ${sqlOp} TRY_CAST('${toDecimalText(scaled, scale)}' AS DECIMAL(38, ${scale})))`;
    }
    case 'boolean': {
      const bool = toBoolean(value);
      return bool === undefined ? 'NULL' : `(${column} ${sqlOp} ${String(bool).toUpperCase()})`;
    }
    case 'string': {
      const text = toText(value);
      return text === undefined ? 'NULL' : `(${column} ${sqlOp} ${toStringSql(text)})`;
    }
    case 'date': {
      const days = toDays(value);
      return days === undefined ? 'NULL' : `((${column} - DATE '1970-01-01') ${sqlOp} ${days})`;
    }
    case 'timestamp': {
      const micros = toMicros(value);
      return micros === undefined ? 'NULL' : `(epoch_us(${column}) ${sqlOp} ${micros})`;
    }
    case undefined:
      return 'NULL';
  }
}

/** Two columns of one family (checkComparableColumns refuses others in both engines). */
function compareColumns(predicate: Extract<Predicate, { op: 'compareColumns' }>, columns: SqlColumns): string {
  const family = comparisonFamilyOf(columns.typeOf(predicate.column));
  const otherFamily = comparisonFamilyOf(columns.typeOf(predicate.other));
  const sqlOp = predicate.comparison === '!=' ? '<>' : predicate.comparison;
  const a = columns.sqlOf(predicate.column);
  const b = columns.sqlOf(predicate.other);
  if (family === 'date') return `((${a} - DATE '1970-01-01') ${sqlOp} (${b} - DATE '1970-01-01'))`;
  if (family === 'timestamp') return `(epoch_us(${a}) ${sqlOp} epoch_us(${b}))`;
  if (family === 'float' || otherFamily === 'float') return `(CASE WHEN isnan(${a}) OR isnan(${b}) THEN NULL ELSE ${a} ${sqlOp} ${b} END)`;
  return family === undefined ? 'NULL' : `(${a} ${sqlOp} ${b})`;
}

export function toStringSql(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function toDoubleSql(number: number): string {
  return `CAST('${String(number)}' AS DOUBLE)`;
}

function toDecimalText(scaled: bigint, scale: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Columns compared with each other must be of one family (integers and floats mix): both engines refuse the rest alike. */
export function checkComparableColumns(predicate: Predicate, typeOf: (column: string) => DataType): string | undefined {
  switch (predicate.op) {
    case 'and': case 'or':
      return checkComparableColumns(predicate.left, typeOf) ?? checkComparableColumns(predicate.right, typeOf);
    case 'not':
      return checkComparableColumns(predicate.arg, typeOf);
    case 'compareColumns': {
      const [a, b] = [typeOf(predicate.column), typeOf(predicate.other)];
      const families = new Set([comparisonFamilyOf(a), comparisonFamilyOf(b)]);
      const numeric = [...families].every((f) => f === 'integer' || f === 'float');
      if ((families.size === 1 && !families.has(undefined)) || numeric) return undefined;
      const label = (t: DataType) => (typeof t === 'string' ? t : t.type);
      return `${predicate.column} (${label(a)}) cannot be compared with ${predicate.other} (${label(b)}): compare columns of one kind of type`;
    }
    default:
      return undefined;
  }
}
