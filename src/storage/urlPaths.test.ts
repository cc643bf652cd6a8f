import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeObject, isWebPage, toUrlPath } from './urlPaths.ts';

/** How servers turn a URL path back into a file name: vite and sirv use decodeURI, nginx and Python decode every escape. */
const decodeAsSirv = (path: string) => decodeURI(path);
const decodeEveryEscape = (path: string) => path.split('/').map(decodeURIComponent).join('/');

describe('toUrlPath', () => {
  it('leaves the characters a path segment holds as they are, and escapes the rest', () => {
    expect(toUrlPath('letter=a/part-00000.c000.snappy.parquet')).toBe('letter=a/part-00000.c000.snappy.parquet');
    expect(toUrlPath('letter=b/date=1970-01-01/data=😈/p.parquet')).toBe('letter=b/date=1970-01-01/data=%F0%9F%98%88/p.parquet');
    // The folder Spark named for the value "/%20%f" (add.path has it escaped once more).
    expect(toUrlPath('letter=%2F%2520%25f/p.parquet')).toBe('letter=%252F%252520%2525f/p.parquet');
    expect(toUrlPath('a b/x?y#z.parquet')).toBe('a%20b/x%3Fy%23z.parquet');
  });

  it('reads back as the same key under both ways servers decode a path, for any key without ? or #', () => {
    const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[/?#]/.test(s));
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
      const key = segments.join('/');
      expect(decodeAsSirv(toUrlPath(key))).toBe(key);
      expect(decodeEveryEscape(toUrlPath(key))).toBe(key);
    }));
  });

  it('reads back under a full decoding for any key at all', () => {
    const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/'));
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
      const key = segments.join('/');
      expect(decodeEveryEscape(toUrlPath(key))).toBe(key);
    }));
  });
});

describe('web pages in place of files', () => {
  it('recognises an HTML answer, unless a web page was asked for', () => {
    expect(isWebPage('text/html; charset=utf-8', 'letter=a/p.parquet')).toBe(true);
    expect(isWebPage('application/xhtml+xml', '_delta_log/00000000000000000000.json')).toBe(true);
    expect(isWebPage('application/octet-stream', 'p.parquet')).toBe(false);
    expect(isWebPage(null, 'p.parquet')).toBe(false);
    expect(isWebPage('text/html', 'docs/index.html')).toBe(false);
  });

  it('names what was asked for', () => {
    expect(describeObject('letter=a/part-0.parquet')).toBe('a Parquet file');
    expect(describeObject('_delta_log/00000000000000000003.json')).toBe('a Delta log file');
    expect(describeObject('_delta_log/00000000000000000010.checkpoint.parquet')).toBe('a Parquet file');
    expect(describeObject('lakelab-index.json')).toBe('a listing index');
    expect(describeObject('deletion_vector_1.bin')).toBe('a deletion vector file');
  });
});
