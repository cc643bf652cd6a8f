import { describe, expect, it } from 'vitest';
import type { DucklakeCatalog } from './catalog.ts';
import { classifyPath, fileLocation, tableBase } from './dataPaths.ts';
import { presenceIn } from './catalogLayout.ts';

// Paths as the ducklake extension writes them (test/fixtures/ducklake: basic, addfiles, seed).
const catalog = (dataPath: string) => ({
  name: 'c',
  dataPath,
  schemas: [{ schema_id: 0, schema_uuid: null, begin_snapshot: 0, end_snapshot: null, schema_name: 'main', path: 'main/', path_is_relative: true }],
  tables: [{ table_id: 1, table_uuid: null, begin_snapshot: 1, end_snapshot: null, schema_id: 0, table_name: 't', path: 't/', path_is_relative: true }],
}) as unknown as DucklakeCatalog;

describe('data paths', () => {
  it('tells relative, local absolute and URL data paths apart', () => {
    expect(['data/', '/srv/lake/', 'C:\\lake\\', 'abfss://ws@onelake.dfs.fabric.microsoft.com/lh.Lakehouse/Tables/'].map(classifyPath)).toEqual(['relative', 'local-absolute', 'local-absolute', 'url']);
  });

  it('joins a relative file to its table and schema paths', () => {
    const c = catalog('data/');
    expect(fileLocation(c, tableBase(c, 1, 5), 'ducklake-1.parquet', true)).toEqual({ kind: 'relative', key: 'main/t/ducklake-1.parquet' });
  });

  it('reads a file added from under the data path (as ducklake_add_data_files wrote it) under the root, and keeps others absolute', () => {
    const c = catalog('data/');
    expect(fileLocation(c, tableBase(c, 1, 5), 'data/external/first.parquet', false)).toEqual({ kind: 'relative', key: 'external/first.parquet' });
    expect(fileLocation(catalog('/srv/lake/'), tableBase(c, 1, 5), '/srv/lake/x/y.parquet', false)).toEqual({ kind: 'relative', key: 'x/y.parquet' });
    expect(fileLocation(c, tableBase(c, 1, 5), '/elsewhere/y.parquet', false)).toEqual({ kind: 'absolute', path: '/elsewhere/y.parquet' });
  });

  it('refuses a relative path that climbs out of the data path', () => {
    const c = catalog('data/');
    expect(() => fileLocation(c, tableBase(c, 1, 5), '../../../etc/passwd', true)).toThrow(/lies outside the data path/);
  });
});

describe('which columns a version has', () => {
  it('a release has its own; a development version maybe its release\'s changes (the catalogs of test/fixtures/ducklake)', () => {
    // ducklake_data_file.partial_max came in 0.4, partial_file_info went in 0.4: v04-dev1.db has both, v04-dev1_types.db only partial_max.
    expect(['0.3', '0.4-dev1', '0.4', '1.0'].map((v) => presenceIn(v as '0.3', '0.4'))).toEqual(['absent', 'optional', 'required', 'required']);
    expect(['0.3', '0.4-dev1', '0.4'].map((v) => presenceIn(v as '0.3', '0.1', '0.4'))).toEqual(['required', 'optional', 'absent']);
  });
});
