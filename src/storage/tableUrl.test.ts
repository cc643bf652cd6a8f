import { describe, expect, it } from 'vitest';
import { checkTableUrl } from './tableUrl.ts';

const problem = (url: string) => checkTableUrl(url)?.message;

describe('checkTableUrl', () => {
  it("accepts a table's folder, with or without a trailing slash", () => {
    expect(checkTableUrl('http://host/samples/simple_table')).toBeUndefined();
    expect(checkTableUrl('https://host/samples/simple_table/')).toBeUndefined();
    expect(checkTableUrl('https://host/')).toBeUndefined();
  });

  it('names the table folder for its _delta_log folder or a file in it', () => {
    expect(problem('http://host/t/_delta_log')).toBe("http://host/t/_delta_log is the table's log folder, not the table: give the table's folder, http://host/t/");
    expect(problem('http://host/t/_delta_log/')).toContain("give the table's folder, http://host/t/");
    expect(problem('http://host/a/t/_delta_log/00000000000000000000.json')).toBe(
      "http://host/a/t/_delta_log/00000000000000000000.json is a file in the table's log, not the table: give the table's folder, http://host/a/t/",
    );
    expect(checkTableUrl('http://host/t/_delta_log')?.code).toBe('InvalidInput');
  });

  it('names the folder above the partition folders for a data file', () => {
    expect(problem('http://host/t/letter=a/part-0.snappy.parquet')).toBe(
      "http://host/t/letter=a/part-0.snappy.parquet is a file, not a table: give the table's folder (the one holding _delta_log/), probably http://host/t/",
    );
    expect(problem('http://host/t/letter%3Da/date=1/part-0.parquet')).toContain('probably http://host/t/');
  });

  it('says a web page is not a table', () => {
    expect(problem('http://host/docs/index.html')).toBe("http://host/docs/index.html is a web page, not a table: give the address of the table's folder (the one holding _delta_log/)");
  });

  it('leaves the query string out of the message', () => {
    expect(problem('http://host/t/_delta_log?sig=secret')).not.toContain('secret');
  });
});
