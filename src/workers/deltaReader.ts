/**
 * A Delta table for the explorer: the table worker's Delta session (tableSession.ts), its
 * answers turned into the format-neutral model (core/delta/toTableModel.ts).
 */
import { LakeError } from '../core/errors.ts';
import { toSchemaChanges, toTableFilesPage, toTableSnapshot, toTableVersion, toVersionFiles } from '../core/delta/toTableModel.ts';
import type { CallContext, TableReader } from './tableReader.ts';
import type { TableSession } from './tableSession.ts';

export function toDeltaReader(session: TableSession): TableReader {
  const notCatalog = (what: string) => Promise.reject(new LakeError('InvalidInput', `a Delta table is a table of its own, not a catalog: it has no ${what}; open another folder for another table`));
  return {
    history: async (options, context?: CallContext) => (await session.history(options, context)).map(toTableVersion),
    snapshot: async (at, context?: CallContext) => toTableSnapshot(await session.snapshot(at, context)),
    rows: (at, context?: CallContext) => session.rows(at, context),
    files: async (at, context?: CallContext) => toTableFilesPage(await session.files(at, context)),
    versionFiles: async (version) => toVersionFiles(version, (await session.commit(version)).actions),
    commit: (version) => session.commit(version),
    arrowIpc: (at, context?: CallContext) => session.arrowIpc(at, context),
    diff: async (at, context?: CallContext) => {
      const { changedDeletionVectors, ...rest } = await session.diff(at, context);
      return { ...rest, changedDeletes: changedDeletionVectors };
    },
    diffRows: (at, context?: CallContext) => session.diffRows(at, context),
    schemaChanges: async ({ from, to }, context?: CallContext) => {
      const before = await session.snapshot({ version: from }, context);
      const after = await session.snapshot({ version: to }, context);
      return toSchemaChanges(before.schema, after.schema);
    },
    catalog: async () => null,
    useTable: () => notCatalog('other tables'),
    setDataPath: () => notCatalog('data path'),
    retention: (request, context?: CallContext) => session.retention(request, context),
    layout: (at, context?: CallContext) => session.layout(at, context),
    changes: (at, context?: CallContext) => session.changes(at, context),
    exportToDelta: () => Promise.reject(new LakeError('InvalidInput', 'this is a Delta table already; Export to Delta is for a DuckLake catalog\'s table')),
    planWrite: (request) => session.planWrite(request),
    commitPlanned: () => session.commitPlanned(),
    close: () => session.close(),
  };
}
