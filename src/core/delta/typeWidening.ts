/**
 * Type widening (the Delta protocol's "Type Widening" section; table features `typeWidening`
 * and `typeWidening-preview`): a column's type may have been widened after files were written,
 * and readers read those files' narrower values as the wider type (src/query/arrowLeaves.ts).
 * A reader must refuse a table whose `delta.typeChanges` lists a change it does not support.
 * Files written before a change carry stats in the narrower type; those of a float widened to
 * double are not bounds of the double values read (3.4f reads as 3.4000000953674316, its stat
 * says 3.4), so file skipping ignores the stats of every changed column.
 */
import { LakeError } from '../errors.ts';
import type { DataType, StructField } from './schemaTypes.ts';
import { decimalOf } from './schema.ts';

export interface TypeChange {
  fromType: string;
  toType: string;
  /** For a map key/value or array element: "key", "value", "element", dotted when nested. */
  fieldPath?: string;
}

const integerRank: Record<string, number> = { byte: 0, short: 1, integer: 2, int: 2, long: 3, bigint: 3 };

/** Whether the protocol allows widening `from` to `to`. */
export function isSupportedWidening(from: string, to: string): boolean {
  const fromRank = integerRank[from];
  const toRank = integerRank[to];
  if (fromRank !== undefined && toRank !== undefined) return fromRank < toRank;
  if (to === 'double') return from === 'float' || (fromRank !== undefined && fromRank <= 2);
  if (from === 'date') return to === 'timestamp_ntz' || to === 'timestampNtz';
  const wider = decimalOf(to as DataType);
  if (!wider) return false;
  const narrower = decimalOf(from as DataType);
  if (narrower) {
    const k1 = wider.precision - narrower.precision;
    const k2 = wider.scale - narrower.scale;
    return k1 >= k2 && k2 >= 0;
  }
  if (fromRank === undefined) return false;
  // The protocol lists byte, short and int -> decimal(10 + k1, k2) and long -> decimal(20 + k1, k2);
  // Delta Spark also writes byte -> decimal(3 + k1, k2) and short -> decimal(5 + k1, k2)
  // (delta-kernel-rs's type-widening table), which delta-kernel-rs reads: every value fits.
  return wider.precision - wider.scale >= (integerDigits[fromRank] ?? Infinity);
}

/** Decimal digits of the largest byte, short, int and long. */
const integerDigits = [3, 5, 10, 20];

/** The type changes recorded on a field (a JSON list, or its text). */
export function typeChangesOf(field: StructField): TypeChange[] {
  let changes = field.metadata['delta.typeChanges'];
  if (typeof changes === 'string') {
    try {
      changes = JSON.parse(changes) as unknown;
    } catch {
      throw new LakeError('Corrupt', `column "${field.name}": delta.typeChanges is not valid JSON`);
    }
  }
  if (changes === undefined || changes === null) return [];
  if (!Array.isArray(changes)) throw new LakeError('Corrupt', `column "${field.name}": delta.typeChanges must be a list`);
  return changes as TypeChange[];
}

/** A problem when any field, at any depth, records a type change Lakelab cannot read. */
export function checkTypeChanges(fields: readonly StructField[], prefix = ''): LakeError | undefined {
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    for (const change of typeChangesOf(field)) {
      if (!isSupportedWidening(String(change.fromType), String(change.toType))) {
        const where = change.fieldPath ? `${path} (${change.fieldPath})` : path;
        return new LakeError('Unsupported', `column "${where}" changed type from ${String(change.fromType)} to ${String(change.toType)}, which is not a type widening Lakelab reads`);
      }
    }
    for (const nested of nestedStructs(field.type)) {
      const problem = checkTypeChanges(nested, `${path}.`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Whether the column, or any field inside it, has had its type changed. */
export function hasTypeChanges(field: StructField): boolean {
  return typeChangesOf(field).length > 0 || nestedStructs(field.type).some((fields) => fields.some(hasTypeChanges));
}

function nestedStructs(type: DataType): StructField[][] {
  if (typeof type === 'string') return [];
  if (type.type === 'struct') return [type.fields];
  if (type.type === 'array') return nestedStructs(type.elementType);
  return [...nestedStructs(type.keyType), ...nestedStructs(type.valueType)];
}
