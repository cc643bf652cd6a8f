/**
 * The simulator's DuckLake catalog, on Lakelab's real DuckLake writer: a catalog begins as the
 * extension's empty SQLite catalog, its table created and its starting rows inserted; each lease
 * run commits one snapshot to the copy it downloaded (author: the run), its data files written
 * beside the catalog. The updates a catalog holds are its snapshots' authors.
 */
import type { SqlEngine } from '../query/duckdbEngine.ts';
import { OpenDucklake } from '../query/ducklake/ducklakeCatalog.ts';
import { commitDucklake } from '../query/ducklake/write/commitDucklake.ts';
import type { DucklakeOperation, DucklakeWriteContext } from '../query/ducklake/write/ducklakeOperation.ts';
import { emptySqliteCatalog } from '../query/ducklake/write/emptySqliteCatalog.ts';
import { catalogKey, defaultChange, type CatalogContext, type SimDucklake } from '../sim/simCatalog.ts';

export function createSimDucklake(openEngine: () => Promise<SqlEngine>): SimDucklake {
  const write = async (bytes: Uint8Array, operation: DucklakeOperation, context: CatalogContext, author: string) => {
    const writeContext: DucklakeWriteContext = { data: context.data, openEngine, now: context.now, rng: context.rng, commitInfo: { author, commitMessage: `${operation.kind} by ${author}` } };
    return (await commitDucklake(catalogKey, bytes, operation, writeContext)).bytes;
  };
  return {
    async createCatalog(spec, context) {
      let bytes = await write(await emptySqliteCatalog(), { kind: 'createTable', table: spec.table, columns: spec.columns }, context, 'setup');
      if (spec.rows && spec.rows.length > 0) bytes = await write(bytes, { kind: 'insert', table: spec.table, rows: spec.rows }, context, 'setup');
      return bytes;
    },
    async commit(catalog, spec, writer, change, context) {
      const { insert, delete: predicate } = change.insert || change.delete ? change : defaultChange(spec, writer);
      let bytes = catalog;
      // One snapshot per operation, as the extension commits a DELETE and an INSERT run one after the other.
      if (predicate) bytes = await write(bytes, { kind: 'delete', table: spec.table, predicate }, context, writer);
      if (insert && insert.length > 0) bytes = await write(bytes, { kind: 'insert', table: spec.table, rows: insert }, context, writer);
      return bytes;
    },
    async snapshotsOf(catalog, table) {
      const lake = await OpenDucklake.open(catalogKey, catalog, openEngine);
      try {
        const snapshots = lake.catalog.snapshots.map(({ snapshot_id: id }) => {
          const change = lake.catalog.changes.get(id);
          return { snapshotId: id, changesMade: change?.changes_made ?? null, author: change?.author ?? null };
        });
        return { latest: lake.latestSnapshot, tableId: lake.table(table).tableId, snapshots };
      } finally {
        await lake.close();
      }
    },
    reader: {
      async updatesIn(catalog) {
        const lake = await OpenDucklake.open(catalogKey, catalog, openEngine);
        try {
          const authors = new Set<string>();
          for (const change of lake.catalog.changes.values()) if (change.author) authors.add(change.author);
          return authors;
        } finally {
          await lake.close();
        }
      },
    },
  };
}
