/**
 * `--schema` for a DuckLake table: "name type[ not null], ...", the type in DuckLake's spelling
 * (int64, varchar, decimal(10,2)), Delta's (long, string) or SQL's (BIGINT, VARCHAR, DOUBLE).
 */
import { LakeError } from '../core/errors.ts';
import type { NewColumn } from '../core/ducklake/write/planCreateTable.ts';

const synonyms: Record<string, string> = {
  int8: 'int8', tinyint: 'int8', byte: 'int8',
  int16: 'int16', smallint: 'int16', short: 'int16',
  int32: 'int32', integer: 'int32', int: 'int32',
  int64: 'int64', bigint: 'int64', long: 'int64',
  float32: 'float32', float: 'float32', real: 'float32',
  float64: 'float64', double: 'float64',
  varchar: 'varchar', string: 'varchar', text: 'varchar',
  blob: 'blob', binary: 'blob', bytea: 'blob',
  boolean: 'boolean', bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp', timestamp_ntz: 'timestamp', datetime: 'timestamp',
  timestamptz: 'timestamptz', 'timestamp with time zone': 'timestamptz',
};

export function parseDucklakeSchema(text: string): NewColumn[] {
  return text.split(/,(?![^(]*\))/).filter((part) => part.trim() !== '').map((part) => {
    const m = /^\s*("(?:[^"]|"")+"|`[^`]+`|\w+)\s+(.+?)(\s+not\s+null)?\s*$/i.exec(part);
    if (!m) throw new LakeError('InvalidInput', `--schema: cannot read "${part.trim()}"; write "name type", e.g. "id int64, name varchar"`);
    const raw = m[1] ?? '';
    const name = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.replace(/`/g, '');
    const typeText = (m[2] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    const decimal = /^(?:decimal|numeric)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(typeText);
    const type = decimal ? `decimal(${decimal[1]},${decimal[2]})` : synonyms[typeText];
    if (!type) throw new LakeError('Unsupported', `--schema: column ${name} is "${typeText}"; Lakelab creates DuckLake columns of ${[...new Set(Object.values(synonyms))].join(', ')} and decimal(p,s)`);
    return { name, type, nullable: !m[3] };
  });
}
