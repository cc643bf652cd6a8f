/**
 * Rows of a set of data files as native DuckDB reads them (@duckdb/node-api, not Lakelab's
 * Parquet reader). The files are copied once into a scratch folder; the partition column comes
 * from each add's partitionValues, as Delta stores it.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { RawTable } from './rawTable.ts';
import type { ReplayedAdd } from './logReplay.ts';
import type { Row } from './operations.ts';

export class DuckDbRows {
  private constructor(private readonly instance: DuckDBInstance, private readonly db: DuckDBConnection, private readonly scratch: string, private readonly table: RawTable) {}

  static async open(table: RawTable, scratch: string): Promise<DuckDbRows> {
    const instance = await DuckDBInstance.create(':memory:');
    return new DuckDbRows(instance, await instance.connect(), scratch, table);
  }

  async rowsOf(files: Iterable<ReplayedAdd>): Promise<Row[]> {
    const list = [...files];
    if (list.length === 0) return [];
    const paths = new Map<string, ReplayedAdd>();
    for (const add of list) {
      const local = join(this.scratch, ...add.path.split('/'));
      if (!existsSync(local)) {
        mkdirSync(dirname(local), { recursive: true });
        writeFileSync(local, await this.table.read(add.path));
      }
      paths.set(local, add);
    }
    const sql = `SELECT id, v, filename FROM read_parquet([${[...paths.keys()].map((p) => `'${p.replaceAll("'", "''")}'`).join(', ')}], filename = true)`;
    const rows = (await this.db.runAndReadAll(sql)).getRowObjectsJS();
    return rows.map((r) => ({ id: Number(r.id), v: Number(r.v), p: String(paths.get(String(r.filename))?.partitionValues.p ?? '') }));
  }

  close(): void {
    this.db.closeSync();
    this.instance.closeSync();
  }
}
