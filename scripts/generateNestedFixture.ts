/**
 * Writes test/fixtures/delta/duckdb-generated/: Delta tables whose data no Lakelab code wrote,
 * and their expected rows (native DuckDB's own reading, in the CLI's JSON forms) under
 * duckdb-generated-expected/. Run by hand: npx tsx scripts/generateNestedFixture.ts
 *
 * Each table holds the columns of test/support/nestedFixture/columns.ts (every Delta type in
 * structs, lists and maps, up to five levels, nulls at every level) in two data files:
 * - part-00000: written by native DuckDB (`COPY ... (FORMAT parquet)`), 3 row groups;
 * - part-00001: the next rows, written by DuckDB, then rewritten by arrow-rs (parquet-wasm's
 *   writer, called directly) in row groups of 48 or 50 rows, with a data page per 16 values or fewer. DuckDB starts a new data
 *   page only past 100 MB (MAX_UNCOMPRESSED_PAGE_SIZE), so it cannot write a small file with more
 *   than one data page per column chunk; the rewrite must read back in DuckDB exactly as DuckDB's
 *   own file does, or this script fails.
 * `nested_types_deep_column_mapping` is the same data with column mapping (name mode): physical
 * names in the files at every depth, logical names in the schema and the expected rows;
 * `..._column_mapping_id` in id mode: field ids in the files (DuckDB's FIELD_IDS) at every depth,
 * under names that are neither logical nor physical.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnMappingNaming, columns, customValues, logicalNaming, toDeltaSchema, toLogicalNames, type Naming } from '../test/support/nestedFixture/columns.ts';
import { toDuckdbType, toFieldIdsOption, valueSql } from '../test/support/nestedFixture/values.ts';
import { queryJsonRows, withDuckdb, type JsonValue } from '../test/support/duckdbJson.ts';
import { loadColumnChunkPages } from '../test/support/parquetPages.ts';

const parquet = createRequire(import.meta.url)('parquet-wasm/node') as typeof import('parquet-wasm/node');

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta');
const createdTime = Date.UTC(2026, 9, 1, 12, 0, 0);
interface Variant {
  name: string;
  /** Rows per data file, DuckDB's row group size, arrow-rs's row group size. */
  rows: number;
  duckdbRowGroup: number;
  arrowRsRowGroup: number;
  naming: Naming;
  configuration: Record<string, string>;
  features: string[];
}

function variants(): Variant[] {
  const mapped = columnMappingNaming('name');
  const byId = columnMappingNaming('id');
  toDeltaSchema(mapped); // numbers the physical names in schema order
  toDeltaSchema(byId);
  return [
    { name: 'nested_types_deep', rows: 150, duckdbRowGroup: 50, arrowRsRowGroup: 50, naming: logicalNaming, configuration: {}, features: ['timestampNtz'] },
    {
      name: 'nested_types_deep_column_mapping',
      rows: 96,
      duckdbRowGroup: 32,
      arrowRsRowGroup: 48,
      naming: mapped,
      configuration: { 'delta.columnMapping.mode': 'name', 'delta.columnMapping.maxColumnId': String(mapped.maxColumnId()) },
      features: ['columnMapping', 'timestampNtz'],
    },
    {
      name: 'nested_types_deep_column_mapping_id',
      rows: 96,
      duckdbRowGroup: 32,
      arrowRsRowGroup: 48,
      naming: byId,
      configuration: { 'delta.columnMapping.mode': 'id', 'delta.columnMapping.maxColumnId': String(byId.maxColumnId()) },
      features: ['columnMapping', 'timestampNtz'],
    },
  ];
}

/** The rows with ids [from, from + count), as UNION ALL of `rowGroup`-row selects (DuckDB cuts a row group at each). */
function selectRows(naming: Naming, from: number, count: number, rowGroup: number): string {
  const list = columns.map(([name, node]) => {
    const value = customValues[name] ?? valueSql(node, 'id', name, naming);
    return `CAST(${value} AS ${toDuckdbType(node, name, naming)}) AS "${naming.physical(name)}"`;
  });
  const parts: string[] = [];
  for (let start = from; start < from + count; start += rowGroup) {
    parts.push(`SELECT ${list.join(', ')} FROM range(${start}, ${Math.min(start + rowGroup, from + count)}) t(id)`);
  }
  return parts.join('\nUNION ALL\n');
}

async function writeVariant(db: DuckDBConnection, variant: Variant, scratch: string): Promise<Record<string, JsonValue>[]> {
  const dir = join(fixtures, 'duckdb-generated', variant.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '_delta_log'), { recursive: true });
  const duckdbFile = 'part-00000-duckdb.zstd.parquet';
  const arrowRsFile = 'part-00001-duckdb-rewritten-by-arrow-rs.zstd.parquet';
  const { rows, duckdbRowGroup } = variant;
  const ids = toFieldIdsOption(columns, variant.naming);
  await db.run(`COPY (${selectRows(variant.naming, 0, rows, duckdbRowGroup)}) TO '${join(dir, duckdbFile)}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${duckdbRowGroup}${ids})`);
  const original = join(scratch, `${variant.name}.parquet`);
  await db.run(`COPY (${selectRows(variant.naming, rows, rows, duckdbRowGroup)}) TO '${original}' (FORMAT parquet, ROW_GROUP_SIZE ${duckdbRowGroup}${ids})`);
  writeFileSync(join(dir, arrowRsFile), rewriteWithSmallPages(readFileSync(original), variant.arrowRsRowGroup));
  await checkSameRows(db, original, join(dir, arrowRsFile));
  await checkLayout(db, join(dir, duckdbFile), join(dir, arrowRsFile));
  writeLog(dir, variant, [duckdbFile, arrowRsFile]);
  const files = [duckdbFile, arrowRsFile].map((f) => `'${join(dir, f)}'`).join(', ');
  const physical = toLogicalNames(variant.naming);
  return (await queryJsonRows(db, `SELECT * FROM read_parquet([${files}]) ORDER BY 1`)).map((row) => renameKeys(row, physical) as Record<string, JsonValue>);
}

function rewriteWithSmallPages(bytes: Uint8Array, rowGroup: number): Uint8Array {
  const table = parquet.readParquet(bytes);
  const properties = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .setMaxRowGroupSize(rowGroup)
    .setWriteBatchSize(16)
    .setDataPageSizeLimit(4)
    .setDictionaryEnabled(false)
    .setCreatedBy('parquet-rs via parquet-wasm (scripts/generateNestedFixture.ts)')
    .build();
  return parquet.writeParquet(table, properties);
}

async function checkSameRows(db: DuckDBConnection, original: string, rewritten: string): Promise<void> {
  const a = JSON.stringify(await queryJsonRows(db, `SELECT * FROM read_parquet('${original}') ORDER BY 1`));
  const b = JSON.stringify(await queryJsonRows(db, `SELECT * FROM read_parquet('${rewritten}') ORDER BY 1`));
  if (a !== b) throw new Error(`${rewritten}: DuckDB reads the arrow-rs rewrite differently from DuckDB's own file`);
  const ids = async (file: string) => JSON.stringify((await queryJsonRows(db, `SELECT name, field_id FROM parquet_schema('${file}') WHERE field_id IS NOT NULL ORDER BY ALL`)));
  if ((await ids(original)) !== (await ids(rewritten))) throw new Error(`${rewritten}: the arrow-rs rewrite lost field ids`);
}

async function checkLayout(db: DuckDBConnection, duckdbFile: string, arrowRsFile: string): Promise<void> {
  for (const file of [duckdbFile, arrowRsFile]) {
    const groups = new Set((await loadColumnChunkPages(db, file)).map((c) => c.rowGroup));
    if (groups.size < 2) throw new Error(`${file}: ${groups.size} row group`);
  }
  const chunks = await loadColumnChunkPages(db, arrowRsFile);
  const single = chunks.filter((c) => c.pageTypes.filter((t) => t === 0 || t === 3).length < 2);
  if (single.length > 0) throw new Error(`${arrowRsFile}: ${single.length} column chunks with one data page (${single[0]?.column})`);
}

function writeLog(dir: string, variant: Variant, files: string[]): void {
  const actions = [
    { commitInfo: { timestamp: createdTime, operation: 'CREATE TABLE AS SELECT', operationParameters: {}, engineInfo: 'DuckDB + parquet-rs, scripts/generateNestedFixture.ts' } },
    { protocol: { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: variant.features, writerFeatures: variant.features } },
    {
      metaData: {
        id: variant.name === 'nested_types_deep' ? '5b0f7a52-7d2e-4c61-9a57-1f2d3c4b5a60' : '6c1e8b63-8e3f-4d72-8b68-2e3f4d5c6b71',
        format: { provider: 'parquet', options: {} },
        schemaString: JSON.stringify(toDeltaSchema(variant.naming)),
        partitionColumns: [],
        configuration: variant.configuration,
        createdTime,
      },
    },
    ...files.map((path) => ({
      add: { path, partitionValues: {}, size: statSync(join(dir, path)).size, modificationTime: createdTime, dataChange: true, stats: JSON.stringify({ numRecords: variant.rows }) },
    })),
  ];
  writeFileSync(join(dir, '_delta_log', '00000000000000000000.json'), actions.map((a) => JSON.stringify(a)).join('\n') + '\n');
}

function renameKeys(value: JsonValue, names: Map<string, string>): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, names));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [names.get(k) ?? k, renameKeys(v, names)]));
}

async function main(): Promise<void> {
  const scratch = join(fixtures, '..', '..', '..', 'node_modules', '.cache', 'nested-fixture');
  mkdirSync(scratch, { recursive: true });
  const results = await withDuckdb(async (db) => {
    await db.run('SET threads = 1');
    const out: { name: string; rows: Record<string, JsonValue>[] }[] = [];
    for (const variant of variants()) out.push({ name: variant.name, rows: await writeVariant(db, variant, scratch) });
    return out;
  });
  const [plain, ...mapped] = results;
  for (const other of mapped) {
    const sameIds = plain?.rows.filter((r) => (r.id as number) < other.rows.length);
    if (JSON.stringify(sameIds) !== JSON.stringify(other.rows)) throw new Error(`${other.name} does not read as the plain table`);
  }
  for (const { name, rows } of results) {
    const dir = join(fixtures, 'duckdb-generated-expected', name, 'v0');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`${name}: ${rows.length} rows`);
  }
  rmSync(scratch, { recursive: true, force: true });
}

await main();
