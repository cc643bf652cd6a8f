/**
 * The peer of `lakelab files`, as a whole process: native DuckDB (@duckdb/node-api) replays the
 * generated log and hands the active files to JavaScript, then prints how many. Bundled by
 * cliBench.ts before it runs, so neither side compiles TypeScript at start-up.
 * Usage: node duckdbReplay.mjs <dir> <checkpointVersion> <commits>
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { toDeltaReplaySql } from './deltaReplaySql.ts';

const [dir = '', checkpointVersion = '0', commits = '0'] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const result = await db.runAndReadAll(toDeltaReplaySql({ dir, checkpointVersion: Number(checkpointVersion), commits: Number(commits) }));
const files = result.getRowObjectsJS();
process.stdout.write(`${files.length}\n`);
db.closeSync();
instance.closeSync();
