/**
 * The one SQL engine interface Lakelab puts over duckdb-wasm, whatever bundle runs it (the
 * blocking Node bundle in the CLI and tests, the eh bundle in a browser worker).
 */
import { tableToIPC, type Table } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import { quoteIdentifier } from '../core/sqlNames.ts';

export interface SqlEngine {
  query(sql: string): Promise<Table>;
  /** Create or replace table `name` from an Arrow table or Arrow IPC stream bytes. */
  registerArrow(name: string, data: Table | Uint8Array): Promise<void>;
  /** Make CSV bytes readable as the file `name`: `SELECT * FROM read_csv('name', filename=true)`. */
  registerCsv(name: string, bytes: Uint8Array): Promise<void>;
  /** Make any file's bytes readable under `name` (a DuckDB database to ATTACH, ...); dropped by drop(name) or close(). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of a registered file now (a database written through ATTACH, after CHECKPOINT). */
  exportFile(name: string): Promise<Uint8Array>;
  /** Drop table or view `name`, and the file `name` if one was registered. */
  drop(name: string): Promise<void>;
  close(): Promise<void>;
}

/** What the Node (blocking) and browser (async) duckdb-wasm connections have in common. */
export interface DuckdbSession {
  run(sql: string): Promise<Table>;
  insertIpc(name: string, ipc: Uint8Array): Promise<void>;
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  copyFile(name: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Run right after opening: offline, autoloading an extension would fetch it and fail (stack.md). */
export const offlineSettings = ['SET autoload_known_extensions=false', 'SET autoinstall_known_extensions=false'];

export function toSqlEngine(session: DuckdbSession): SqlEngine {
  const files = new Set<string>();
  let closed = false;
  const live = () => {
    if (closed) throw new LakeError('InvalidInput', 'SQL engine: used after close()');
    return session;
  };
  return {
    async query(sql) {
      try {
        return await live().run(sql);
      } catch (error) {
        if (error instanceof LakeError) throw error;
        throw new LakeError('InvalidInput', `SQL: ${error instanceof Error ? error.message : String(error)}\n  in: ${sql}`, { cause: error });
      }
    },
    async registerArrow(name, data) {
      const ipc = data instanceof Uint8Array ? data : tableToIPC(data, 'stream');
      await live().run(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
      await live().insertIpc(name, ipc);
    },
    async registerCsv(name, bytes) {
      await live().registerFile(name, bytes);
      files.add(name);
    },
    async registerFile(name, bytes) {
      await live().registerFile(name, bytes);
      files.add(name);
    },
    async exportFile(name) {
      return live().copyFile(name);
    },
    async drop(name) {
      await live().run(`DROP VIEW IF EXISTS ${quoteIdentifier(name)}`).catch(() => undefined);
      await live().run(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`).catch(() => undefined);
      if (files.delete(name)) await live().dropFile(name);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const name of files) await session.dropFile(name);
      await session.close();
    },
  };
}
