import { describe, expect, it } from 'vitest';
import { findTableRoots, sampleTable, urlTable } from './tableSources.ts';

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
});
