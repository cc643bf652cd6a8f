/** The `lakelab` command: the same core as the page, over the local file system. */
import { isLakeError, LakeError } from '../core/errors.ts';
import { parseArgs, type ParsedArgs } from './args.ts';
import type { Writer } from './output.ts';
import { runHistory } from './commands/history.ts';
import { runSchema } from './commands/schema.ts';
import { runFiles } from './commands/files.ts';
import { runScan } from './commands/scan.ts';
import { runIndex } from './commands/index.ts';

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
};

const switches = new Set<string>(['help', 'commit-times']);

export const usage = `Usage: lakelab <command> <table> [options]

Reading (any Delta table in a local folder):
  history <table>   one entry per commit (version, timestamp, commitInfo)
  schema <table>    the table's columns at a version
  files <table>     the active data files at a version, with stats
  scan <table>      the table's rows at a version
  index <folder>    write lakelab-index.json so a static HTTP server can serve the folder's tables
                    (--commit-times: date commits by their commitInfo.timestamp)

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
