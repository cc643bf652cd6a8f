import { describe, expect, it } from 'vitest';
import { parseCsv } from './csvRows.ts';

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF, empty fields as null', () => {
    expect(parseCsv('id,name,note\r\n1,"a, b","say ""hi"""\r\n2,,""\n')).toEqual([
      { id: '1', name: 'a, b', note: 'say "hi"' },
      { id: '2', name: null, note: '' },
    ]);
  });
  it('names the line with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'batch.csv')).toThrow(/batch.csv line 3/);
    // Counted in the file's lines: a quoted field across two lines, a blank line.
    expect(() => parseCsv('a,b\n1,"two\nlines"\n\n3\n', 'batch.csv')).toThrow(/batch.csv line 5: 1 fields, but the header has 2/);
    expect(() => parseCsv('a,b\r\n1,2\r\n3\r\n', 'batch.csv')).toThrow(/batch.csv line 3/);
  });
  it('refuses a header that names a column twice', () => {
    expect(() => parseCsv('id,name,id\n1,a,2\n', 'batch.csv')).toThrow(/batch.csv: the header names column "id" twice/);
  });
});
