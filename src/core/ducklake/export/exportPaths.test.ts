import { describe, expect, it } from 'vitest';
import { isLakeError } from '../../errors.ts';
import { toAbsoluteUri, toAddPath } from './exportPaths.ts';

describe('add.path of a DuckLake file', () => {
  it('is relative and URI-encoded under the Delta table root', () => {
    expect(toAddPath({ kind: 'relative', key: 'main/t/year=2024/ducklake-a b.parquet' }, { rootUnderDataPath: 'main/t/' }, 'f')).toEqual({ path: 'year=2024/ducklake-a%20b.parquet', inside: true });
  });

  it('is an absolute URI outside it: under the data path, or a local path', () => {
    const placement = { rootUnderDataPath: 'main/t/', dataPathUri: 'abfss://ws@onelake.dfs.fabric.microsoft.com/lh.Lakehouse/Tables/' };
    expect(toAddPath({ kind: 'relative', key: 'main/other/f.parquet' }, placement, 'f')).toEqual({ path: 'abfss://ws@onelake.dfs.fabric.microsoft.com/lh.Lakehouse/Tables/main/other/f.parquet', inside: false });
    expect(toAddPath({ kind: 'absolute', path: '/srv/lake/x y.parquet' }, placement, 'f')).toEqual({ path: 'file:///srv/lake/x%20y.parquet', inside: false });
    expect(toAbsoluteUri('C:\\lake\\f.parquet')).toBe('file:///C%3A/lake/f.parquet');
  });

  it('is refused, saying where to export, when the data path has no absolute address', () => {
    let error: unknown;
    try {
      toAddPath({ kind: 'relative', key: 'main/other/f.parquet' }, { rootUnderDataPath: 'main/t/' }, 'data file f');
    } catch (e) {
      error = e;
    }
    expect(isLakeError(error, 'InvalidInput')).toBe(true);
    expect((error as Error).message).toMatch(/data file f .* lies outside the Delta table's folder/);
  });
});
