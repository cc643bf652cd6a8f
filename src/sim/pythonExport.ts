/**
 * A scenario as a Python script (deltalake + threads) that runs the same race against a local
 * path, and as a Fabric notebook: so users can watch delta-rs itself reach the same verdicts.
 */
import type { FixtureTable, Row, RowsTable, Scenario, Step } from './scenario.ts';

const indent = (lines: string[], by = '    ') => lines.map((l) => (l ? by + l : l));
const py = (value: unknown): string => {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `float("${value}")`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`;
};
const rows = (r: Row[]) => `pa.Table.from_pylist(${py(r)}, schema=SCHEMA)`;

const arrowTypes: Record<string, string> = {
  string: 'pa.string()', long: 'pa.int64()', integer: 'pa.int32()', short: 'pa.int16()', byte: 'pa.int8()', double: 'pa.float64()',
  float: 'pa.float32()', boolean: 'pa.bool_()', date: 'pa.date32()', timestamp: 'pa.timestamp("us", tz="UTC")', timestamp_ntz: 'pa.timestamp("us")', binary: 'pa.binary()',
};

function stepLines(step: Step): string[] {
  if ('read' in step) return [step.read === 'HEAD' ? 'dt = DeltaTable(PATH)' : `dt = DeltaTable(PATH, version=${step.read})`];
  if ('think' in step) return [`time.sleep(${step.think / 1000})`];
  if ('append' in step) {
    const props = step.txn ? `, commit_properties=CommitProperties(app_transactions=[Transaction(${py(step.txn.appId)}, ${step.txn.version})])` : '';
    return [`write_deltalake(PATH, ${rows(step.append)}, mode="append"${props})`];
  }
  if ('overwrite' in step) return [`write_deltalake(PATH, ${rows(step.overwrite)}, mode="overwrite"${step.where ? `, predicate=${py(step.where)}` : ''})`];
  if ('delete' in step) return [`dt.delete(${py(step.delete)})`];
  if ('update' in step) return [`dt.update(updates=${py(step.update.set)}${step.update.where ? `, predicate=${py(step.update.where)}` : ''})`];
  if ('merge' in step) {
    const calls = step.merge.clauses.map((c) => ({
      whenMatchedUpdateAll: '.when_matched_update_all()', whenMatchedDelete: '.when_matched_delete()', whenNotMatchedInsertAll: '.when_not_matched_insert_all()',
      whenNotMatchedBySourceDelete: '.when_not_matched_by_source_delete()',
    } as Record<string, string>)[c] ?? '').join('');
    const streamed = step.merge.streamedExec === false ? ', streamed_exec=False' : '';
    return [`dt.merge(source=${rows(step.merge.source)}, predicate=${py(step.merge.on)}, source_alias="s", target_alias="t"${streamed})${calls}.execute()`];
  }
  if ('optimize' in step) return ['dt.optimize.compact()'];
  return [`dt.alter.set_table_properties(${py(step.setProperties)})`];
}

/** Where the exported script finds a fixture: in a Lakelab checkout, or where the user puts it. */
export function toFixturePath(name: string): string {
  return name.includes('/') ? `test/fixtures/delta/${name}` : `public/samples/${name}`;
}

function rowsTableLines(table: RowsTable): string[] {
  const fields = table.schema.fields.map((f) => `pa.field(${py(f.name)}, ${typeof f.type === 'string' ? arrowTypes[f.type] ?? 'pa.string()' : 'pa.string()'})`);
  return [
    `SCHEMA = pa.schema([${fields.join(', ')}])`,
    'shutil.rmtree(PATH, ignore_errors=True)',
    `write_deltalake(PATH, ${rows(table.rows)}, mode="overwrite"${table.partitionColumns?.length ? `, partition_by=${py(table.partitionColumns)}` : ''}${table.properties ? `, configuration=${py(table.properties)}` : ''})`,
  ];
}

/** The fixture copied as Lakelab copies it: the whole folder, then the log after `version` dropped. */
function fixtureTableLines(table: FixtureTable, fixturePath: string): string[] {
  const lines = [
    `# The starting table is Lakelab's fixture "${table.fixture}"${table.version === undefined ? '' : ` at version ${table.version}`}: point FIXTURE at a copy of that table's folder.`,
    `FIXTURE = ${py(fixturePath)}`,
    'shutil.rmtree(PATH, ignore_errors=True)',
    'shutil.copytree(FIXTURE, PATH)',
  ];
  if (table.version !== undefined) {
    lines.push(
      `START = ${table.version}`,
      'LOG = os.path.join(PATH, "_delta_log")',
      'def after_start(name):',
      '    versions = [int(p) for p in name.split(".") if len(p) == 20 and p.isdigit()]',
      '    if name == "_last_checkpoint":',
      '        with open(os.path.join(LOG, name)) as f: versions = [json.load(f).get("version", START + 1)]',
      '    return bool(versions) and max(versions) > START',
      'for name in os.listdir(LOG):',
      '    if after_start(name): os.remove(os.path.join(LOG, name))',
    );
  }
  lines.push(
    '_schema = DeltaTable(PATH).schema()',
    'SCHEMA = _schema.to_pyarrow() if hasattr(_schema, "to_pyarrow") else pa.schema(_schema.to_arrow())',
  );
  return lines;
}

export function toPythonScript(scenario: Scenario, path = `/tmp/lakelab/${scenario.name}`, fixturePath?: string): string {
  const writers = scenario.writers.filter((w) => !w.lease && !w.ducklake);
  const table = scenario.table;
  const lines = [
    `# ${scenario.title}`,
    `# ${scenario.explanation.replace(/\n/g, ' ')}`,
    '# Generated by Lakelab. Needs: pip install deltalake pyarrow',
    'import json, os, shutil, threading, time',
    'import pyarrow as pa',
    'from deltalake import CommitProperties, DeltaTable, Transaction, write_deltalake',
    '',
    `PATH = ${py(path)}`,
    ...('fixture' in table ? fixtureTableLines(table, fixturePath ?? toFixturePath(table.fixture)) : rowsTableLines(table)),
    '',
    'outcomes = {}',
    '',
  ];
  writers.forEach((writer, i) => {
    lines.push(`def writer_${i}():  # ${writer.name}`);
    lines.push(...indent(['dt = DeltaTable(PATH)', 'try:', ...indent(writer.steps.flatMap((s) => stepLines(s))), `    outcomes[${py(writer.name)}] = "committed"`, 'except Exception as error:', `    outcomes[${py(writer.name)}] = f"{type(error).__name__}: {error}"`]));
    lines.push('');
  });
  lines.push(
    `threads = [threading.Thread(target=f) for f in [${writers.map((_, i) => `writer_${i}`).join(', ')}]]`,
    'for t in threads: t.start()',
    'for t in threads: t.join()',
    'for name, outcome in outcomes.items(): print(f"{name}: {outcome}")',
    'for entry in DeltaTable(PATH).history(): print(entry.get("version"), entry.get("operation"))',
  );
  return `${lines.join('\n')}\n`;
}

/** The same script as a Fabric notebook (the default lakehouse's Files/ folder as the path). */
export function toFabricNotebook(scenario: Scenario): string {
  const fixture = 'fixture' in scenario.table ? `/lakehouse/default/Files/lakelab/fixtures/${scenario.table.fixture}` : undefined;
  const script = toPythonScript(scenario, `/lakehouse/default/Files/lakelab/${scenario.name}`, fixture);
  const cell = (source: string, type: 'code' | 'markdown') => ({ cell_type: type, metadata: {}, source: source.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l)), ...(type === 'code' ? { outputs: [], execution_count: null } : {}) });
  return JSON.stringify({
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'synapse_pyspark', display_name: 'Synapse PySpark' }, language_info: { name: 'python' } },
    cells: [
      cell(`# ${scenario.title}\n\n${scenario.explanation}\n\nGenerated by Lakelab: runs the race with delta-rs in threads, in the notebook's default lakehouse.${fixture ? `\n\nIt starts from a copy of the table "${(scenario.table as FixtureTable).fixture}": upload that table's folder to ${fixture.replace('/lakehouse/default/', '')} first.` : ''}`, 'markdown'),
      cell('%pip install deltalake', 'code'),
      cell(script, 'code'),
    ],
  }, null, 1);
}
