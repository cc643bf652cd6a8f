/**
 * A value written as text in the catalog (ducklake_column.initial_default, an identity
 * partition value) in the JSON form of its field's type: what a row reads for a column its data
 * file predates, or a partition column its file does not carry.
 */
import type { DucklakeField } from '../../core/ducklake/columnTree.ts';
import type { JsonValue } from '../jsonValues.ts';

const integers = new Set(['int8', 'int16', 'int32', 'int64', 'int128', 'uint8', 'uint16', 'uint32', 'uint64', 'uint128']);

export function toDefaultValue(text: string | null, field: DucklakeField): JsonValue {
  if (text === null) return null;
  if (field.type.kind !== 'primitive') return text;
  const name = field.type.name;
  if (integers.has(name) && /^-?\d+$/.test(text.trim())) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text.trim();
  }
  if (name === 'float32' || name === 'float64') {
    const n = Number(text);
    return Number.isNaN(n) ? (text.toLowerCase() === 'nan' ? 'NaN' : text) : n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : n;
  }
  if (name === 'boolean') return text.toLowerCase() === 'true' ? true : text.toLowerCase() === 'false' ? false : text;
  return text;
}
