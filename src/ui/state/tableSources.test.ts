import { describe, expect, it } from 'vitest';
import { findCatalogFiles, findTableRoots, sampleTable, urlTable } from './tableSources.ts';

describe('table sources', () => {
  it('finds every table in a picked folder', () => {
    const paths = [
      'lake/a/_delta_log/00000000000000000000.json',
      'lake/a/part-0.parquet',
      'lake/b/nested/_delta_log/00000000000000000000.json',
      'lake/b/nested/_delta_log/00000000000000000001.json',
      'lake/notes.txt',
      'lake/c/not_delta_log/x.json',
    ];
    expect(findTableRoots(paths)).toEqual(['lake/a/', 'lake/b/nested/']);
  });

  it('treats a picked table folder itself as a table', () => {
    expect(findTableRoots(['_delta_log/00000000000000000000.json'])).toEqual(['']);
  });

  it('resolves a sample under the page base', () => {
    const table = sampleTable({ name: 's', path: 's', description: '' }, 'http://127.0.0.1:4173/?sample=s');
    expect(table.spec).toEqual({ kind: 'sample', url: 'http://127.0.0.1:4173/samples/s/' });
  });

  it('keeps the URL a user typed for the link', () => {
    expect(urlTable('https://x.test/t').link).toEqual({ url: 'https://x.test/t' });
    expect(urlTable('https://x.test/t').spec).toEqual({ kind: 'http', url: 'https://x.test/t/' });
  });

  it('finds the DuckLake catalog files in a picked folder beside its Delta tables, none inside a Delta log', () => {
    const paths = [
      'lake/a/_delta_log/00000000000000000000.json',
      'lake/catalog.ducklake',
      'lake/catalog.ducklake.wal',
      'lake/data/main/t/ducklake-1.parquet',
      'lake/Files/metadata.db',
      'lake/old.sqlite',
      'lake/a/_delta_log/weird.db',
    ];
    expect(findTableRoots(paths)).toEqual(['lake/a/']);
    expect(findCatalogFiles(paths)).toEqual(['lake/Files/metadata.db', 'lake/catalog.ducklake', 'lake/old.sqlite']);
  });

  it('opens a catalog file\'s URL from its folder, keeping the table and data path the link chose', () => {
    const table = urlTable('https://x.test/lake/my%20catalog.ducklake', { table: 'main.people', data: 'Tables/' });
    expect(table.spec).toEqual({ kind: 'http', url: 'https://x.test/lake/' });
    expect(table.target).toEqual({ format: 'ducklake', catalogKey: 'my catalog.ducklake', dataPath: 'Tables/', table: 'main.people' });
    expect(table.link).toEqual({ url: 'https://x.test/lake/my%20catalog.ducklake', table: 'main.people', data: 'Tables/' });
    expect(urlTable('https://x.test/t', { table: 'main.people' }).target).toEqual({ format: 'delta', root: '' });
  });

  it('reads a DuckLake sample with the data path it ships with, unless the link gives another', () => {
    const sample = { name: 's', path: 's', description: '', format: 'ducklake' as const, catalog: 'Files/metadata.db', dataPath: 'Tables/' };
    expect(sampleTable(sample, 'http://127.0.0.1:4173/').target).toEqual({ format: 'ducklake', catalogKey: 'Files/metadata.db', dataPath: 'Tables/', table: undefined });
    expect(sampleTable(sample, 'http://127.0.0.1:4173/', { data: 'elsewhere/' }).target).toMatchObject({ dataPath: 'elsewhere/' });
  });
});
