/**
 * `lakelab optimize <table>`: compaction, as delta-rs's OPTIMIZE commits it (the small files of
 * each partition rewritten as one, dataChange=false), with optimistic concurrency like the
 * other writes.
 */
import type { ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { help, tablePositional, writeOptions } from '../commonOptions.ts';
import { commitAndReport, openWrite } from '../writeCommit.ts';

export const optimizeCommand: Command = {
  spec: {
    name: 'optimize',
    summary: "compact each partition's small files into one (dataChange=false)",
    positionals: tablePositional,
    options: [...writeOptions, help],
  },
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const { store, context, readAt } = openWrite(args);
    const { runOptimize } = await import('../../query/optimizeExecutor.ts');
    return commitAndReport(args, io, store, await runOptimize(await readAt(), context));
  },
};
