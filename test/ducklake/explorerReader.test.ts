/**
 * What the explorer's DuckLake reader says about files, against ducklake_list_files as the
 * extension answered it for every conformance case at every snapshot: the Diff view's counts
 * between consecutive snapshots (files only before, only after, with other deletes) and the
 * Files view's list of what a snapshot added and removed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { openDucklakeReader } from '../../src/workers/ducklakeReader.ts';
import { catalogBytes, ducklakeCases, ducklakeFixtures, readJson } from '../support/ducklakeCases.ts';

type Listed = { data_file: string; delete_file: string | null }[];
const base = (path: string | null) => (path === null ? null : path.slice(path.lastIndexOf('/') + 1));

const cases = ducklakeCases().filter((c) => existsSync(join(c.dir, 'reference', 'files')));
let compared = 0;

describe('the explorer\'s DuckLake reader, against ducklake_list_files', () => {
  it('finds the cases that list files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const testCase of cases) {
    it(`${testCase.name}: counts and lists each snapshot's file changes as the listings differ`, async () => {
      const store = new MemoryStore({ description: 'memory' });
      await store.put('catalog', catalogBytes(join(ducklakeFixtures, testCase.catalog)));
      const { reader } = await openDucklakeReader(store, { format: 'ducklake', catalogKey: 'catalog' }, openNodeSqlEngine);
      try {
        const root = join(testCase.dir, 'reference', 'files');
        for (const table of readdirSync(root).map(decodeURIComponent)) {
          const listing = new Map<number, Listed>();
          for (const file of readdirSync(join(root, encodeURIComponent(table)))) {
            const value = readJson<Listed | { error: string }>(join(root, encodeURIComponent(table), file));
            if (Array.isArray(value)) listing.set(Number(file.replace(/\D/g, '')), value);
          }
          await reader.useTable(table, Math.max(...listing.keys()));
          for (const [snapshot, after] of listing) {
            const before = listing.get(snapshot - 1);
            if (!before) continue;
            const beforeFiles = new Map(before.map((f) => [base(f.data_file), base(f.delete_file)]));
            const afterFiles = new Map(after.map((f) => [base(f.data_file), base(f.delete_file)]));
            const removed = [...beforeFiles.keys()].filter((f) => !afterFiles.has(f));
            const added = [...afterFiles.keys()].filter((f) => !beforeFiles.has(f));
            const changed = [...afterFiles].filter(([f, d]) => beforeFiles.has(f) && beforeFiles.get(f) !== d);
            const at = `${table} from snapshot ${snapshot - 1} to ${snapshot}`;
            expect(await reader.diff({ from: snapshot - 1, to: snapshot }), at).toMatchObject({ removedFiles: removed.length, addedFiles: added.length, changedDeletes: changed.length });
            const own = await reader.versionFiles(snapshot);
            const newDeletes = [...afterFiles.values()].filter((d) => d !== null && ![...beforeFiles.values()].includes(d));
            expect(own.added.filter((f) => !f.deletes).map((f) => base(f.path)).sort(), `${at}: added`).toEqual(added.sort());
            expect(own.added.filter((f) => f.deletes).map((f) => base(f.path)).sort(), `${at}: new delete files`).toEqual(newDeletes.sort());
            expect(own.removed.map((f) => base(f.path)).sort(), `${at}: removed`).toEqual(removed.sort());
            compared++;
          }
        }
      } finally {
        await reader.close();
      }
    });
  }

  it('compared the snapshots of every case listed before and after', () => {
    expect(compared).toBeGreaterThan(100);
  });
});
