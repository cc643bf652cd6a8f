/**
 * A predicate's column names a top-level column or a field inside structs: `a.b.c`. The path is
 * checked against the schema (an unknown field, or a step into something that is not a struct,
 * is refused by name: comparing a field that is not there would match nothing, silently), and
 * a row's value is found by walking the same path.
 */
import { LakeError } from '../errors.ts';
import type { DataType, StructField } from './schemaTypes.ts';
import type { Predicate } from './predicate.ts';
import { toTypeLabel } from './typeLabel.ts';

/** The Delta type at `path` ("a.b.c") in `fields`; throws InvalidInput naming what is wrong. */
export function toColumnPathType(fields: readonly StructField[], path: string): DataType {
  const [head = '', ...rest] = path.split('.');
  const top = fields.find((f) => f.name === head);
  if (!top) throw new LakeError('InvalidInput', `no column "${head}"; the table has: ${fields.map((f) => f.name).join(', ')}`);
  let type: DataType = top.type;
  let at = head;
  for (const part of rest) {
    if (typeof type !== 'object' || type.type !== 'struct') {
      throw new LakeError('InvalidInput', `"${path}": ${at} is ${toTypeLabel(type)}, not a struct, so it has no field "${part}" (only struct fields can be named in a predicate)`);
    }
    const field: StructField | undefined = type.fields.find((f) => f.name === part);
    if (!field) throw new LakeError('InvalidInput', `"${path}": ${at} has no field "${part}"; its fields are: ${type.fields.map((f) => f.name).join(', ')}`);
    type = field.type;
    at = `${at}.${part}`;
  }
  return type;
}

/** The value at the path's fields below a top-level value (null where a struct on the way is null). */
export function toFieldValue(value: unknown, fieldPath: readonly string[]): unknown {
  let current = value;
  for (const part of fieldPath) {
    if (current === null || current === undefined || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current ?? null;
}

/**
 * Every column a predicate names exists, and what it compares (=, <, IN, ...) is a primitive:
 * a struct, array or map compared with a value would be unknown on every row, a silent empty
 * answer. IS [NOT] NULL takes any column.
 */
export function checkPredicateColumns(fields: readonly StructField[], predicate: Predicate): void {
  if (predicate.op === 'and' || predicate.op === 'or') {
    checkPredicateColumns(fields, predicate.left);
    checkPredicateColumns(fields, predicate.right);
    return;
  }
  if (predicate.op === 'not') return checkPredicateColumns(fields, predicate.arg);
  const names = predicate.op === 'compareColumns' ? [predicate.column, predicate.other] : [predicate.column];
  for (const name of names) {
    const type = toColumnPathType(fields, name);
    if (predicate.op !== 'isNull' && typeof type === 'object') {
      throw new LakeError('InvalidInput', `"${name}" is ${toTypeLabel(type)}: only primitive columns and struct fields can be compared (IS NULL takes any column)`);
    }
  }
}
