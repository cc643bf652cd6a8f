import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { toFabricNotebook, toPythonScript } from './pythonExport.ts';

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
