/**
 * What the table worker answers the page: opens a Delta table (tableSession.ts) or a DuckLake
 * catalog (ducklakeReader.ts, loaded on first need) and passes every other call to the open
 * one, whose answers are all in the format-neutral model. Runs unchanged in a worker and in
 * Node tests.
 */
import { LakeError } from '../core/errors.ts';
import { deltaTerms } from '../core/delta/toTableModel.ts';
import { ducklakeTerms } from '../core/ducklake/toTableModel.ts';
import type { SqlEngine } from '../query/duckdbEngine.ts';
import { dataStoreOpener } from './dataStores.ts';
import { toDeltaReader } from './deltaReader.ts';
import type { OpenResult, SourceSpec, TableApi, TableTarget, WriteOperation } from './protocol.ts';
import type { CallContext, ReaderMethod, TableReader } from './tableReader.ts';
import { TableSession, type SessionDeps } from './tableSession.ts';

export interface ExplorerDeps extends SessionDeps {
  /** duckdb-wasm for DuckDB catalog files (and SQLite catalogs' inlined data). */
  openEngine: () => Promise<SqlEngine>;
}

const deltaWrites: WriteOperation[] = ['append', 'overwrite', 'delete', 'update', 'merge'];
const ducklakeWrites: WriteOperation[] = ['append', 'delete', 'update'];

/** This page (this worker) as a DuckLake catalog's lease holder: acquired_by names it. */
const pageHolder = `lakelab page, tab ${Array.from({ length: 4 }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, '0')).join('')}`;

export class ExplorerSession {
  private reader?: TableReader;
  private generation = 0;

  constructor(private readonly deps: ExplorerDeps) {}

  async open(source: SourceSpec, target: TableTarget, context: CallContext = {}): Promise<OpenResult> {
    // Opens can overlap (a sample still loading when the user picks a folder): the newest wins.
    const generation = ++this.generation;
    const previous = this.reader;
    this.reader = undefined;
    await previous?.close();
    const stale = () => generation !== this.generation;
    if (target.format === 'delta') {
      const session = new TableSession(this.deps);
      const opened = await session.open(source, target.root, context);
      if (stale()) throw new LakeError('Aborted', 'another table was opened meanwhile');
      this.reader = toDeltaReader(session);
      return { ...opened, terms: deltaTerms, writeOperations: deltaWrites };
    }
    const [store, { openDucklakeReader, ducklakeReadOnly }] = await Promise.all([this.deps.openStore(source), import('./ducklakeReader.ts')]);
    const opened = await openDucklakeReader(store, target, this.deps.openEngine, dataStoreOpener(source), source.kind === 'azure' || source.kind === 'directory', source.kind === 'azure' ? source.address : undefined, pageHolder);
    if (stale()) {
      await opened.reader.close();
      throw new LakeError('Aborted', 'another table was opened meanwhile');
    }
    this.reader = opened.reader;
    return {
      latestVersion: opened.latestVersion,
      ...(store.readOnly ? { readOnly: ducklakeReadOnly } : {}),
      terms: ducklakeTerms,
      writeOperations: store.readOnly ? [] : ducklakeWrites,
      catalog: { table: opened.table, dataPath: opened.dataPath },
    };
  }

  /** Drop the open table and everything read from it (the credential its store holds included). */
  async close(): Promise<void> {
    this.generation++;
    const reader = this.reader;
    this.reader = undefined;
    await reader?.close();
  }

  /** Any other call, to the open table. */
  call<M extends ReaderMethod>(method: M, args: Parameters<TableApi[M]>, context: CallContext = {}): ReturnType<TableApi[M]> {
    if (!this.reader) return Promise.reject(new LakeError('InvalidInput', 'no table is open')) as ReturnType<TableApi[M]>;
    const fn = this.reader[method] as (...a: unknown[]) => ReturnType<TableApi[M]>;
    return fn(...args, context);
  }
}
