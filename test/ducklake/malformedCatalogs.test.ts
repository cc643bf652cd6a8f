/**
 * Broken catalogs give typed errors that name the file and what is wrong, never rows:
 * test/fixtures/ducklake/malformed (scripts/ducklake/malformedCatalogs.ts) and damage done here
 * to copies of real ones (a truncated file, a missing or replaced data file).
 */
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLakeError, type LakeErrorCode } from '../../src/core/errors.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import { NodeFsStore } from '../../src/storage/nodeFsStore.ts';
import { catalogBytes, ducklakeFixtures } from '../support/ducklakeCases.ts';

const malformed = join(ducklakeFixtures, 'malformed');

async function failure(promise: Promise<unknown>): Promise<{ code?: LakeErrorCode; message: string }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (error === undefined) throw new Error('expected a failure, got a result');
  return { code: isLakeError(error) ? error.code : undefined, message: error instanceof Error ? error.message : String(error) };
}

const open = (path: string, bytes = catalogBytes(path)) => OpenDucklake.open(path, bytes, openNodeSqlEngine);

describe('catalogs Lakelab refuses, by name', () => {
  for (const ext of ['ducklake', 'sqlite']) {
    it(`an unknown spec version (${ext})`, async () => {
      const error = await failure(open(join(malformed, `unknown-version.${ext}`)));
      expect(error.code).toBe('Unsupported');
      expect(error.message).toContain(`unknown-version.${ext}: DuckLake catalog with version "9.9"`);
      expect(error.message).toContain('0.1, 0.2, 0.3-dev1, 0.3, 0.4-dev1, 0.4, 1.0');
    });

    it(`spec 1.1 in development, which the reference tool does not read either (${ext})`, async () => {
      expect(await failure(open(join(malformed, `version-1.1-dev.${ext}`)))).toMatchObject({ code: 'Unsupported', message: expect.stringContaining('version "1.1-dev1"') });
    });

    it(`an encrypted catalog, written so by the ducklake extension (${ext})`, async () => {
      const error = await failure(open(join(malformed, 'encrypted', `catalog.${ext}`)));
      expect(error).toMatchObject({ code: 'Unsupported', message: expect.stringContaining('an encrypted DuckLake catalog') });
    });

    it(`a catalog lacking a column its version must have (${ext})`, async () => {
      const error = await failure(open(join(malformed, `missing-column.${ext}`)));
      expect(error).toMatchObject({ code: 'Corrupt', message: expect.stringContaining('a DuckLake 1.0 catalog must have ducklake_table.path, which it lacks') });
    });

    it(`a database that is not DuckLake (${ext === 'ducklake' ? 'duckdb' : ext})`, async () => {
      const name = `not-ducklake.${ext === 'ducklake' ? 'duckdb' : 'sqlite'}`;
      const error = await failure(open(join(malformed, name)));
      expect(error).toMatchObject({ code: 'InvalidInput', message: expect.stringContaining(`${name}: not a DuckLake catalog (no ducklake_metadata table; its tables: people)`) });
    });
  }

  it('a file that is no database at all', async () => {
    const path = join(ducklakeFixtures, 'lakelab-generated', 'basic', 'script.sql');
    expect(await failure(open(path))).toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('script.sql: neither a DuckDB nor a SQLite database') });
  });

  it('truncated catalog files, DuckDB and SQLite', async () => {
    const duckdb = join(ducklakeFixtures, 'lakelab-generated', 'basic', 'catalog.ducklake');
    const sqlite = join(ducklakeFixtures, 'sqlite', 'basic.sqlite');
    // Cut mid-block, at a block boundary (duckdb-wasm hung on these before the size check), inside the header.
    for (const [path, keep] of [[duckdb, 300_000], [duckdb, 274_432], [duckdb, 16_384], [duckdb, 20], [sqlite, 8192], [sqlite, 50]] as const) {
      const error = await failure(open(path, catalogBytes(path).subarray(0, keep)));
      expect(error.code, `${path} cut at ${keep}: ${error.message}`).toBe('Corrupt');
      expect(error.message).toContain(path);
    }
  });
});

describe('data that does not match its catalog', () => {
  const work = mkdtempSync(join(tmpdir(), 'lakelab-malformed-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const basic = join(ducklakeFixtures, 'lakelab-generated', 'basic');

  it('a missing data file is NotFound, naming it and the table', async () => {
    const data = join(work, 'missing');
    cpSync(join(basic, 'data'), data, { recursive: true });
    const victim = readdirSync(join(data, 'main', 'people')).find((f) => f.startsWith('ducklake-01a233c9-db2a'))!;
    rmSync(join(data, 'main', 'people', victim));
    const lake = await open(join(basic, 'catalog.ducklake'));
    try {
      const error = await failure(lake.rows('main.people', 8, { store: new NodeFsStore(data) }));
      expect(error).toMatchObject({ code: 'NotFound', message: expect.stringContaining(`data file main/people/${victim} of main.people at snapshot 8 is missing`) });
    } finally {
      await lake.close();
    }
  });

  it('a data file replaced by another is Corrupt, not other rows', async () => {
    const data = join(work, 'replaced');
    cpSync(join(basic, 'data'), data, { recursive: true });
    const people = join(data, 'main', 'people');
    const [small, big] = ['ducklake-01a233c9-dd24', 'ducklake-01a233c9-d8fa'].map((p) => readdirSync(people).find((f) => f.startsWith(p))!);
    copyFileSync(join(people, big!), join(people, small!));
    const lake = await open(join(basic, 'catalog.ducklake'));
    try {
      const error = await failure(lake.rows('main.people', 8, { store: new NodeFsStore(data) }));
      expect(error).toMatchObject({ code: 'Corrupt', message: expect.stringContaining(`data file main/people/${small} has 300 rows, the catalog says 1`) });
    } finally {
      await lake.close();
    }
  });

  for (const ext of ['ducklake', 'sqlite']) {
    it(`a delete file pointing at a row its data file lacks is Corrupt, naming it (${ext})`, async () => {
      const lake = await open(join(malformed, 'bad-delete', `catalog.${ext}`));
      try {
        const table = lake.table('main.items');
        const deleteFile = (await lake.tableFiles(table.tableId)).deleteFiles.find((d) => d.path === 'past-the-end-delete.parquet')!;
        const error = await failure(lake.rows('main.items', deleteFile.begin_snapshot, { store: new NodeFsStore(join(malformed, 'bad-delete', 'data')) }));
        expect(error).toMatchObject({ code: 'Corrupt', message: expect.stringMatching(/delete file main\/items\/past-the-end-delete\.parquet deletes row 999, but its data file has \d+ rows/) });
      } finally {
        await lake.close();
      }
    });
  }
});
