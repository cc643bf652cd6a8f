/** The `lakelab` command: the same core as the page, over the local file system. */
import { isLakeError, LakeError } from '../core/errors.ts';
import { parseArgs, type ParsedArgs } from './args.ts';
import type { Writer } from './output.ts';
import { runHistory } from './commands/history.ts';
import { runSchema } from './commands/schema.ts';
import { runFiles } from './commands/files.ts';
import { runScan } from './commands/scan.ts';
import { runIndex } from './commands/index.ts';
import { runSim } from './commands/sim.ts';
import {
  runAppendCommand, runCreate, runDeleteCommand, runMergeCommand, runOverwriteCommand, runUpdateCommand,
} from './commands/writes.ts';

export interface Io {
  stdout: Writer;
  stderr: Writer;
}

export type Command = (args: ParsedArgs, io: Io) => Promise<number>;

const commands: Record<string, Command> = {
  history: runHistory,
  schema: runSchema,
  files: runFiles,
  scan: runScan,
  index: runIndex,
  create: runCreate,
  append: runAppendCommand,
  overwrite: runOverwriteCommand,
  delete: runDeleteCommand,
  update: runUpdateCommand,
  merge: runMergeCommand,
  sim: runSim,
};

const switches = new Set<string>([
  'help', 'commit-times', 'with-filename', 'no-streamed-exec', 'list',
  'when-matched-update-all', 'when-matched-update', 'when-matched-delete', 'when-not-matched-insert-all',
  'when-not-matched-insert', 'when-not-matched-by-source-update', 'when-not-matched-by-source-delete',
]);

export const usage = `Usage: lakelab <command> <table> [options]

Reading (any Delta table in a local folder):
  history <table>   one entry per commit (version, timestamp, commitInfo)
  schema <table>    the table's columns at a version
  files <table>     the active data files at a version, with stats
  scan <table>      the table's rows at a version
  index <folder>    write lakelab-index.json so a static HTTP server can serve the folder's tables
                    (--commit-times: date commits by their commitInfo.timestamp)

Writing (optimistic concurrency, as delta-rs commits):
  create <table>    --schema "id long, name string" | --source f.csv  [--partition-by p] [--property k=v,...]
  append <table>    --source a.csv[,b.parquet]       blind: concurrent appends all succeed
  overwrite <table> --source ... [--where "p = 'x'"] replaceWhere with a partition predicate
  delete <table>    [--where EXPR]
  update <table>    --set "col = value, ..." [--where EXPR]
  merge <table>     --source ... --on "t.id = s.id" and clauses, in order:
                    --when-matched-update-all  --when-matched-update --when-matched-update-set "c = s.c"
                    --when-matched-delete  --when-not-matched-insert-all
                    --when-not-matched-insert --when-not-matched-insert-set "c = s.c"
                    --when-not-matched-by-source-update --when-not-matched-by-source-update-set "c = 0"
                    --when-not-matched-by-source-delete   (add =CONDITION to any clause flag)
                    [--source-alias s] [--target-alias t] [--no-streamed-exec]
  Write options: --version N (pin the read to version N), --isolation Serializable|WriteSerializable|SnapshotIsolation,
                 --max-retries N (default 15), --with-filename (add the source file's name as column filename),
                 --source-sql "SELECT ... FROM <table folder name>" (rows from SQL over the table at the read version, in duckdb-wasm).
  Success prints {"version", "metrics", ...} as JSON; a lost race prints delta-rs's message and exits with code 3.

Simulating racing writers (virtual time, replayable):
  sim <scenario.json | name> [--seed N] [--format table|jsonl]    sim --list names the built-in scenarios
                    [--fixtures DIR]: tables a scenario's "table": {"fixture": NAME} may name, besides the
                    samples (public/samples) and test/fixtures/delta (NAME: a path there, e.g. delta-rs/simple_table)

Options:
  --version N         read the table at version N (default: latest)
  --timestamp ISO     read the table as of a time (latest commit at or before it)
  --columns a,b       scan only these columns
  --where EXPR        scan only rows matching EXPR, e.g. "id > 5 AND name = 'x'"
  --limit N           stop after N rows (scan) or N commits (history)
  --format F          jsonl, csv or table

Errors print to stderr as "lakelab: <Code>: <message>" and exit with code 1.
`;

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv, switches);
    if (args.command === 'help' || args.command === '--help' || args.flags.has('help')) {
      io.stdout.write(usage);
      return 0;
    }
    const command = commands[args.command];
    if (!command) throw new LakeError('InvalidInput', `unknown command "${args.command}"; run lakelab help`);
    return await command(args, io);
  } catch (error) {
    if (isLakeError(error)) {
      io.stderr.write(`lakelab: ${error.code}: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`lakelab: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}
