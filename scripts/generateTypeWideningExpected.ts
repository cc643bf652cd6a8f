/**
 * Expected rows for the versions of delta-kernel-rs's type-widening table that the shared
 * fixtures have none for (v1, v2: `typeWidening-preview`), produced by native DuckDB: the data
 * files the log names at each version, every column CAST to the table's type at that version
 * (DuckDB's own widening of tinyint, int, float, date and decimal values), in the CLI's JSON
 * forms. Written to test/fixtures/delta/duckdb-expected/delta-kernel-rs/type-widening/v<N>/.
 * Run by hand: npx tsx scripts/generateTypeWideningExpected.ts
 *
 * Checked against the values delta-kernel-rs's own test (`type_widening_basic`) asserts for the
 * columns it reads, so the casts are the widening the protocol means.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryJsonRows, withDuckdb, type JsonValue } from '../test/support/duckdbJson.ts';
import { toDuckdbType } from '../test/support/nestedFixture/values.ts';
import { logicalNaming, type Primitive } from '../test/support/nestedFixture/columns.ts';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta');
const table = join(fixtures, 'delta-kernel-rs', 'type-widening');
const out = join(fixtures, 'duckdb-expected', 'delta-kernel-rs', 'type-widening');

interface Field { name: string; type: string }

/** A plain replay of the JSON commits up to `version`: the schema and the files it holds. */
function stateAt(version: number): { fields: Field[]; files: string[] } {
  let fields: Field[] = [];
  const files = new Set<string>();
  for (let v = 0; v <= version; v++) {
    const text = readFileSync(join(table, '_delta_log', `${String(v).padStart(20, '0')}.json`), 'utf8');
    for (const line of text.split('\n').filter(Boolean)) {
      const action = JSON.parse(line) as { metaData?: { schemaString: string }; add?: { path: string }; remove?: { path: string } };
      if (action.metaData) fields = (JSON.parse(action.metaData.schemaString) as { fields: Field[] }).fields;
      if (action.add) files.add(decodeURIComponent(action.add.path));
      if (action.remove) files.delete(decodeURIComponent(action.remove.path));
    }
  }
  return { fields, files: [...files] };
}

/** delta-kernel-rs's `type_widening_basic` test: its expected table, for the columns it reads. */
const kernelSays: Record<string, JsonValue>[] = [
  { byte_long: 1, int_long: 2, float_double: 3.4000000953674316, byte_double: 5, short_double: 6, int_double: 7, date_timestamp_ntz: '2024-09-09T00:00:00.000000' },
  { byte_long: '9223372036854775807', int_long: '9223372036854775807', float_double: 1.234567890123, byte_double: 1.234567890123, short_double: 1.234567890123, int_double: 1.234567890123, date_timestamp_ntz: '2024-09-09T12:34:56.123456' },
];

await withDuckdb(async (db) => {
  for (const version of [1, 2]) {
    const { fields, files } = stateAt(version);
    const select = fields.map((f) => `CAST("${f.name}" AS ${toDuckdbType(f.type as Primitive, f.name, logicalNaming)}) AS "${f.name}"`).join(', ');
    const sql = files.map((file) => `SELECT ${select} FROM read_parquet('${join(table, file)}')`).join(' UNION ALL ');
    const rows = await queryJsonRows(db, `SELECT * FROM (${sql}) ORDER BY byte_long`);
    if (version === 2) {
      const seen = rows.map((r) => Object.fromEntries(Object.keys(kernelSays[0]!).map((k) => [k, r[k] ?? null])));
      if (JSON.stringify(seen) !== JSON.stringify(kernelSays)) throw new Error(`DuckDB's casts disagree with delta-kernel-rs: ${JSON.stringify(seen)}`);
    }
    mkdirSync(join(out, `v${version}`), { recursive: true });
    writeFileSync(join(out, `v${version}`, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`type-widening v${version}: ${rows.length} rows`);
  }
});
