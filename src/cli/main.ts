/** The `lakelab` command: the same core as the page, over the local file system. */
import { isLakeError } from '../core/errors.ts';
import { isHelpRequest, parseCommandArgs, UsageError } from './args.ts';
import { closestName } from './closestName.ts';
import type { Command, Io } from './command.ts';
import { toCommandUsage, toOverview } from './usage.ts';
import { historyCommand } from './commands/history.ts';
import { schemaCommand } from './commands/schema.ts';
import { filesCommand } from './commands/files.ts';
import { scanCommand } from './commands/scan.ts';
import { indexCommand } from './commands/index.ts';
import { simCommand } from './commands/sim.ts';
import { appendCommand, createCommand, deleteCommand, overwriteCommand, updateCommand } from './commands/writes.ts';
import { mergeCommand } from './commands/merge.ts';
import { withDucklake } from './commands/ducklakeCommands.ts';
import { optimizeCommand } from './commands/optimize.ts';
import { cleanCommand } from './commands/clean.ts';
import { ducklakeExportCommand } from './commands/ducklakeExport.ts';
import { withDucklakeWrites } from './commands/ducklakeWrites.ts';
import { ducklakeLeaseCommand } from './commands/ducklakeLease.ts';

export type { Io } from './command.ts';

export const commands: readonly Command[] = [
  ...[historyCommand, schemaCommand, filesCommand, scanCommand].map(withDucklake), indexCommand,
  ...[createCommand, appendCommand].map(withDucklakeWrites), overwriteCommand, ...[deleteCommand, updateCommand].map(withDucklakeWrites), mergeCommand, optimizeCommand,
  cleanCommand, simCommand, ducklakeExportCommand, ducklakeLeaseCommand,
];

export const usageExitCode = 2;

export const usage = toOverview(commands.map((c) => c.spec));

export async function main(argv: string[], io: Io): Promise<number> {
  const [name = 'help', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    const about = rest[0] === undefined ? undefined : commands.find((c) => c.spec.name === rest[0]);
    if (rest[0] !== undefined && !about) return refuse(io, 'lakelab', unknownCommand(rest[0]), usage);
    io.stdout.write(about ? toCommandUsage(about.spec) : usage);
    return 0;
  }
  const command = commands.find((c) => c.spec.name === name);
  if (!command) return refuse(io, 'lakelab', unknownCommand(name), usage);
  if (isHelpRequest(rest)) {
    io.stdout.write(toCommandUsage(command.spec));
    return 0;
  }
  try {
    return await command.run(parseCommandArgs(command.spec, rest), io);
  } catch (error) {
    if (error instanceof UsageError) return refuse(io, `lakelab ${name}`, error.message, toCommandUsage(command.spec));
    if (isLakeError(error)) {
      io.stderr.write(`lakelab: ${error.code}: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`lakelab: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}

function unknownCommand(name: string): string {
  const suggestion = closestName(name, commands.map((c) => c.spec.name));
  return `unknown command "${name}"${suggestion ? `; did you mean ${suggestion}?` : ''}`;
}

function refuse(io: Io, who: string, message: string, help: string): number {
  io.stderr.write(`${who}: ${message}\n\n${help}`);
  return usageExitCode;
}
