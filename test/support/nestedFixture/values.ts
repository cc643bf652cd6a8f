/**
 * DuckDB SQL that builds the nested fixture's values from a row's seed: every value drawn from
 * DuckDB's `hash` of the seed and the value's path, so each field differs, with nulls at every
 * level (about one node in seven: a null struct, list, map, element, map value or field), empty
 * lists and maps, and each type's edge values (extreme integers, NaN and infinities, 38-digit
 * decimals, non-ASCII text, empty binary, years 0001 and 9999).
 */
import type { Naming, Node, Primitive } from './columns.ts';

export function toDuckdbType(node: Node, path: string, naming: Naming): string {
  if (typeof node === 'string') return primitiveType(node);
  if ('struct' in node) return `STRUCT(${node.struct.map(([name, child]) => `"${naming.physical(`${path}.${name}`)}" ${toDuckdbType(child, `${path}.${name}`, naming)}`).join(', ')})`;
  if ('list' in node) return `${toDuckdbType(node.list, `${path}.element`, naming)}[]`;
  return `MAP(${primitiveType(node.map[0])}, ${toDuckdbType(node.map[1], `${path}.value`, naming)})`;
}

function primitiveType(p: Primitive): string {
  const types: Record<string, string> = {
    byte: 'TINYINT', short: 'SMALLINT', integer: 'INTEGER', long: 'BIGINT', float: 'FLOAT', double: 'DOUBLE', string: 'VARCHAR',
    binary: 'BLOB', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMPTZ', timestamp_ntz: 'TIMESTAMP',
  };
  return types[p] ?? p.toUpperCase();
}

/** DuckDB's COPY option FIELD_IDS for every column and struct field (ids only where `naming` gives them). */
export function toFieldIdsOption(columns: [string, Node][], naming: Naming): string {
  const id = naming.fieldId;
  if (!id) return '';
  const children = (node: Node, path: string): string[] => {
    if (typeof node === 'string') return [];
    if ('struct' in node) return node.struct.map(([name, child]) => entry(naming.physical(`${path}.${name}`), child, `${path}.${name}`));
    const [inner, innerPath, key] = 'list' in node ? [node.list, `${path}.element`, 'element'] : [node.map[1], `${path}.value`, 'value'];
    const nested = children(inner, innerPath);
    return nested.length ? [`${key}: {${nested.join(', ')}}`] : [];
  };
  const entry = (fileName: string, node: Node, path: string): string => {
    const nested = children(node, path);
    return nested.length ? `'${fileName}': {__duckdb_field_id: ${id(path)}, ${nested.join(', ')}}` : `'${fileName}': ${id(path)}`;
  };
  return `, FIELD_IDS {${columns.map(([name, node]) => entry(naming.physical(name), node, name)).join(', ')}}`;
}

/** A value of `node` for the row or element whose seed is the SQL integer `seed`. */
export function valueSql(node: Node, seed: string, path: string, naming: Naming, depth = 0): string {
  const isNull = `hash(${seed}, '${path}#null') % 7 = 0`;
  if (typeof node === 'string') return `CASE WHEN ${isNull} THEN NULL ELSE ${primitiveSql(node, seed, path)} END`;
  const x = `x${depth}`;
  const length = `(hash(${seed}, '${path}#length') % 4)::BIGINT`;
  const child = `((${seed}) * 5 + ${x} + 1)`;
  if ('struct' in node) {
    const fields = node.struct.map(([name, f]) => `"${naming.physical(`${path}.${name}`)}" := ${valueSql(f, seed, `${path}.${name}`, naming, depth)}`);
    return `CASE WHEN ${isNull} THEN NULL ELSE struct_pack(${fields.join(', ')}) END`;
  }
  if ('list' in node) {
    return `CASE WHEN ${isNull} THEN NULL ELSE list_transform(range(${length}), ${x} -> ${valueSql(node.list, child, `${path}.element`, naming, depth + 1)}) END`;
  }
  const [keyType, valueType] = node.map;
  const entry = `struct_pack(k := ${keySql(keyType, seed, x, path)}, v := ${valueSql(valueType, child, `${path}.value`, naming, depth + 1)})`;
  return `CASE WHEN ${isNull} THEN NULL ELSE map_from_entries(list_transform(range(${length}), ${x} -> ${entry})) END`;
}

function primitiveSql(p: Primitive, seed: string, path: string): string {
  const h = (salt = '') => `hash(${seed}, '${path}${salt}')`;
  switch (p) {
    case 'byte': return `((${h()} % 256)::INTEGER - 128)::TINYINT`;
    case 'short': return `((${h()} % 65536)::INTEGER - 32768)::SMALLINT`;
    case 'integer': return `CASE ${h('#e')} % 23 WHEN 0 THEN 2147483647 WHEN 1 THEN -2147483648 ELSE ((${h()} % 4294967296)::BIGINT - 2147483648)::INTEGER END`;
    case 'long':
      return `CASE ${h('#e')} % 23 WHEN 0 THEN 9223372036854775807 WHEN 1 THEN -9223372036854775808 WHEN 2 THEN 9007199254740993 WHEN 3 THEN -9007199254740992 `
        + `WHEN 4 THEN (${h()} >> 1)::BIGINT WHEN 5 THEN -((${h()} >> 1)::BIGINT) ELSE (${h()} % 2000001)::BIGINT - 1000000 END`;
    case 'float':
      return `CASE ${h('#e')} % 17 WHEN 0 THEN 'NaN'::FLOAT WHEN 1 THEN 'Infinity'::FLOAT WHEN 2 THEN '-Infinity'::FLOAT WHEN 3 THEN 3.4028235e38::FLOAT `
        + `WHEN 4 THEN 1.4e-45::FLOAT WHEN 5 THEN 3.4::FLOAT ELSE ((${h()} % 2000000)::DOUBLE / 64 - 15625)::FLOAT END`;
    case 'double':
      return `CASE ${h('#e')} % 17 WHEN 0 THEN 'NaN'::DOUBLE WHEN 1 THEN 'Infinity'::DOUBLE WHEN 2 THEN '-Infinity'::DOUBLE WHEN 3 THEN 1.7976931348623157e308 `
        + `WHEN 4 THEN 5e-324 WHEN 5 THEN 0.1::DOUBLE + 0.2::DOUBLE ELSE (${h()} % 1000000007)::DOUBLE / 1000.0 - 500000.0 END`;
    case 'string':
      return `CASE ${h('#e')} % 9 WHEN 0 THEN '' WHEN 1 THEN 'héllo wörld' WHEN 2 THEN '日本語のテキスト' WHEN 3 THEN '🦆 Ente, 鴨' `
        + `WHEN 4 THEN 'quote " backslash \\ newline' || chr(10) || 'tab' || chr(9) || 'end' WHEN 5 THEN chr(1) || 'control' || chr(127) `
        + `ELSE 's' || (${h()} % 100000)::VARCHAR END`;
    case 'binary': return `CASE ${h('#e')} % 5 WHEN 0 THEN ''::BLOB WHEN 1 THEN unhex('00ff7f80') ELSE unhex(lpad(to_hex(${h()}), 16, '0')) END`;
    case 'boolean': return `${h()} % 2 = 0`;
    case 'date':
      return `CASE ${h('#e')} % 19 WHEN 0 THEN DATE '0001-01-01' WHEN 1 THEN DATE '9999-12-31' WHEN 2 THEN DATE '1969-12-31' `
        + `ELSE DATE '0001-01-01' + (${h()} % 3652059)::INTEGER END`;
    case 'timestamp': case 'timestamp_ntz': {
      const micros = `CASE ${h('#e')} % 19 WHEN 0 THEN -62135596800000000 WHEN 1 THEN 253402300799999999 WHEN 2 THEN -1 `
        + `ELSE (${h()} % 315537897600000000)::BIGINT - 62135596800000000 END`;
      return p === 'timestamp' ? `make_timestamp(${micros})::TIMESTAMPTZ` : `make_timestamp(${micros})`;
    }
    default: return decimalSql(p, h);
  }
}

/** A decimal(p,s) from its digits as text, so every digit of a 38-digit value is exact. */
function decimalSql(p: Primitive, h: (salt?: string) => string): string {
  const [precision, scale] = (/decimal\((\d+),(\d+)\)/.exec(p) ?? []).slice(1).map(Number) as [number, number];
  const intDigits = precision - scale;
  const digits = (n: number, salt: string) => {
    const parts: string[] = [];
    for (let left = n, k = 0; left > 0; left -= 18, k++) {
      const width = Math.min(18, left);
      parts.push(`lpad((${h(`${salt}${k}`)} % ${10n ** BigInt(width)})::VARCHAR, ${width}, '0')`);
    }
    return parts.length ? parts.join(' || ') : `''`;
  };
  const max = `${'9'.repeat(intDigits)}${scale ? `.${'9'.repeat(scale)}` : ''}`;
  const text = `${intDigits ? digits(intDigits, '#i') : `'0'`}${scale ? ` || '.' || ${digits(scale, '#f')}` : ''}`;
  return `(CASE ${h('#e')} % 13 WHEN 0 THEN '${max}' WHEN 1 THEN '-${max}' WHEN 2 THEN '0' ELSE (CASE WHEN ${h('#s')} % 2 = 0 THEN '-' ELSE '' END) || ${text} END)::DECIMAL(${precision},${scale})`;
}

/** A map key: distinct for each entry position `x` (0-3) of one map, never null. */
function keySql(p: Primitive, seed: string, x: string, path: string): string {
  const r = (modulo: bigint) => `(hash(${seed}, '${path}#key') % ${modulo})`;
  switch (p) {
    case 'byte': return `(${r(64n)} * 4 + ${x} - 128)::TINYINT`;
    case 'short': return `(${r(16384n)} * 4 + ${x} - 32768)::SMALLINT`;
    case 'integer': return `(${r(1073741824n)} * 4 + ${x} - 2147483648)::INTEGER`;
    case 'long': return `(${r(2n ** 61n)}::BIGINT * 4 + ${x} - 4611686018427387904)`;
    case 'float': return `((${r(1000000n)} * 4 + ${x})::DOUBLE / 8)::FLOAT`;
    case 'double': return `(${r(2n ** 50n)} * 4 + ${x})::DOUBLE / 8`;
    case 'string': return `'k' || ${x} || (CASE ${x} WHEN 1 THEN 'ключ' WHEN 2 THEN '🔑' ELSE '' END) || ${r(100n)}`;
    case 'binary': return `unhex(lpad(to_hex(${x}), 2, '0') || lpad(to_hex(${r(2n ** 60n)}), 16, '0'))`;
    case 'date': return `DATE '0001-01-01' + (${r(900000n)} * 4 + ${x})::INTEGER`;
    case 'timestamp': return `make_timestamp((${r(2n ** 48n)} * 4 + ${x})::BIGINT * 77 - 62135596800000000)::TIMESTAMPTZ`;
    case 'timestamp_ntz': return `make_timestamp((${r(2n ** 48n)} * 4 + ${x})::BIGINT * 77 - 62135596800000000)`;
    case 'boolean': return `${x} = 0`;
    default: {
      const [precision, scale] = (/decimal\((\d+),(\d+)\)/.exec(p) ?? []).slice(1).map(Number) as [number, number];
      const room = 10n ** BigInt(Math.min(precision - scale, 17)) / 4n;
      const fraction = scale ? ` || '.' || lpad((hash(${seed}, '${path}#kf') % ${10n ** BigInt(Math.min(scale, 18))})::VARCHAR, ${scale}, '0')` : '';
      return `((${room > 0n ? `${r(room)} * 4 + ` : ''}${x})::VARCHAR${fraction})::DECIMAL(${precision},${scale})`;
    }
  }
}
