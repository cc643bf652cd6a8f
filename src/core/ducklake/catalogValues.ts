/**
 * A catalog value to its typed form, whichever database it came from: DuckDB gives integers,
 * booleans and epoch microseconds; SQLite gives the storage classes DuckDB's sqlite extension
 * writes (INTEGER for integers and booleans, TEXT for UUIDs and TIMESTAMPTZ). Anything else is
 * Corrupt, naming the table, column and value.
 */
import { LakeError } from '../errors.ts';
import { toEpochDays } from '../delta/civilTime.ts';
import type { ColumnKind } from './catalogLayout.ts';

export interface ValueContext {
  catalog: string;
  table: string;
  column: string;
}

export function toCatalogValue(value: unknown, kind: ColumnKind, at: ValueContext): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'int': return toInteger(value, at);
    case 'bool': return toBoolean(value, at);
    case 'time': return toMicros(value, at);
    case 'text':
    case 'uuid':
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : bad(value, 'text', at);
  }
}

function toInteger(value: unknown, at: ValueContext): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(value);
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return bad(value, 'an integer', at);
}

function toBoolean(value: unknown, at: ValueContext): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1 || value === 0n || value === 1n) return Number(value) === 1;
  if (value === 'true' || value === 'false') return value === 'true';
  return bad(value, 'a boolean', at);
}

const timestampText = /^(-?\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch microseconds from DuckDB's epoch_us() or from TIMESTAMPTZ text ("2026-12-01 22:46:35.354465+00"). */
export function toMicros(value: unknown, at: ValueContext): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const parsed = parseTimestampText(value);
    if (parsed !== undefined) return parsed;
  }
  return bad(value, 'a timestamp', at);
}

export function parseTimestampText(text: string): number | undefined {
  const m = timestampText.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  const days = toEpochDays(Number(y), Number(mo), Number(d));
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const seconds = days * 86_400 + Number(h) * 3600 + Number(mi) * 60 + Number(s) - offsetMinutes * 60;
  return seconds * 1_000_000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

function bad(value: unknown, expected: string, at: ValueContext): never {
  const shown = typeof value === 'string' ? `"${value.slice(0, 80)}"` : typeof value === 'object' ? Object.prototype.toString.call(value) : String(value);
  throw new LakeError('Corrupt', `${at.catalog}: ${at.table}.${at.column} holds ${shown}, expected ${expected}`);
}
