import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { toFabricNotebook, toPythonScript } from './pythonExport.ts';
import { validateScenario } from './scenario.ts';

describe('exporting a scenario to Python', () => {
  it('writes a script that Python compiles, with delta-rs calls for each step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-py-'));
    try {
      for (const scenario of scenarioLibrary.filter((s) => s.writers.every((w) => !w.lease))) {
        const script = toPythonScript(scenario);
        const file = join(dir, `${scenario.name.replace(/-/g, '_')}.py`);
        writeFileSync(file, script);
        execFileSync('python3', ['-m', 'py_compile', file]);
      }
      const seed = toPythonScript(scenarioLibrary.find((s) => s.name === 'seed-pinned-merge')!);
      expect(seed).toContain('dt = DeltaTable(PATH, version=0)');
      expect(seed).toContain('predicate="t.filename = s.filename", source_alias="s", target_alias="t").when_not_matched_insert_all().execute()');
      expect(seed).toContain('dt.delete("filename = \'batch_001.csv\'")');
      expect(toPythonScript(scenarioLibrary.find((s) => s.name === 'app-transaction-ids')!)).toContain('CommitProperties(app_transactions=[Transaction("orders-stream", 7)])');
      const fixture = toPythonScript(scenarioLibrary.find((s) => s.name === 'spark-table-file-stats')!);
      expect(fixture).toContain('FIXTURE = "public/samples/basic_append"\nshutil.rmtree(PATH, ignore_errors=True)\nshutil.copytree(FIXTURE, PATH)');
      expect(fixture).not.toContain('write_deltalake(PATH, pa.Table.from_pylist([]');
      expect(fixture).not.toContain('START =');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts a fixture scenario from a copy of the table, with the log after the starting version dropped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-py-'));
    try {
      const scenario = validateScenario({
        version: 1, name: 'from-v0', title: 'x', explanation: 'x', table: { fixture: 'delta-rs/simple_table', version: 2 },
        writers: [{ name: 'w', steps: [{ read: 'HEAD' }, { append: [{ id: 1 }] }] }],
      });
      const script = toPythonScript(scenario);
      expect(script).toContain('FIXTURE = "test/fixtures/delta/delta-rs/simple_table"');
      expect(script).toContain('START = 2\n');
      expect(script).toContain('write_deltalake(PATH, pa.Table.from_pylist([{"id": 1}], schema=SCHEMA), mode="append")');
      const file = join(dir, 'from_v0.py');
      writeFileSync(file, script);
      execFileSync('python3', ['-m', 'py_compile', file]);
      const notebook = JSON.parse(toFabricNotebook(scenario)) as { cells: { source: string[] }[] };
      expect(notebook.cells[0]!.source.join('')).toContain('upload that table\'s folder to Files/lakelab/fixtures/delta-rs/simple_table first');
      expect(notebook.cells[2]!.source.join('')).toContain('FIXTURE = "/lakehouse/default/Files/lakelab/fixtures/delta-rs/simple_table"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a Fabric notebook with the script in the default lakehouse', () => {
    const notebook = JSON.parse(toFabricNotebook(scenarioLibrary[0]!)) as { nbformat: number; cells: { cell_type: string; source: string[] }[] };
    expect(notebook.nbformat).toBe(4);
    expect(notebook.cells.map((c) => c.cell_type)).toEqual(['markdown', 'code', 'code']);
    expect(notebook.cells[2]!.source.join('')).toContain('PATH = "/lakehouse/default/Files/lakelab/seed-pinned-merge"');
  });
});
