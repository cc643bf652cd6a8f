/**
 * `lakelab optimize <table>`: compaction, as delta-rs's OPTIMIZE commits it (the small files of
 * each partition rewritten as one, dataChange=false), with optimistic concurrency like the
 * other writes.
 */
import { flagString, type ParsedArgs } from '../args.ts';
import { LakeError } from '../../core/errors.ts';
import type { Command, Io } from '../command.ts';
import { help, tablePositional, writeOptions } from '../commonOptions.ts';
import { commitAndReport, openWrite } from '../writeCommit.ts';

export const optimizeCommand: Command = {
  spec: {
    name: 'optimize',
    summary: "compact each partition's small files, bin-packed up to a target size as delta-rs does (dataChange=false)",
    positionals: tablePositional,
    options: [
      ...writeOptions,
      { name: 'target-size', takes: 'value', valueName: 'BYTES', description: "the size a compacted file aims at (default: the table's delta.targetFileSize, or 100 MiB); larger files are left alone" },
      help,
    ],
  },
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const { store, context, readAt } = openWrite(args);
    const { runOptimize } = await import('../../query/optimizeExecutor.ts');
    const text = flagString(args, 'target-size');
    const targetSize = text === undefined ? undefined : Number(text);
    if (targetSize !== undefined && !(Number.isSafeInteger(targetSize) && targetSize > 0)) throw new LakeError('InvalidInput', `--target-size must be a number of bytes above 0, got "${text}"`);
    return commitAndReport(args, io, store, await runOptimize(await readAt(), context, { targetSize }));
  },
};
