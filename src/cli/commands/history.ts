import { loadHistory } from '../../core/delta/history.ts';
import { flagInteger, flagString, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { formatOption, help, tablePositional } from '../commonOptions.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { readingStore } from '../tableArgs.ts';

export const historyCommand: Command = {
  spec: {
    name: 'history',
    summary: 'one entry per commit, newest first (version, timestamp, commitInfo)',
    positionals: tablePositional,
    options: [
      { name: 'limit', takes: 'value', valueName: 'N', description: 'the newest N commits only' },
      formatOption('table'),
      help,
    ],
  },
  run: runHistory,
};

/** commitInfo's fields but its timestamp, which the entry's own timestamp already gives (or, with in-commit timestamps, supersedes). */
function withoutTimestamp(commitInfo: Record<string, unknown> | undefined): Record<string, unknown> {
  const { timestamp: _shown, ...fields } = commitInfo ?? {};
  return fields;
}

async function runHistory(args: ParsedArgs, io: Io): Promise<number> {
  const format = toOutputFormat(flagString(args, 'format'), 'table');
  const limit = flagInteger(args, 'limit');
  const entries = await loadHistory(readingStore(args), '', { limit });
  // The commit's own time (in-commit timestamp, else commitInfo.timestamp), as delta-rs's history() gives
  // it; the file's time beside it, since time travel goes by it where in-commit timestamps are off.
  const rows = entries.map(({ version, timestamp, fileModificationTime, commitInfo }) => ({
    version,
    timestamp: new Date(timestamp).toISOString(),
    fileModificationTime: new Date(fileModificationTime).toISOString(),
    ...withoutTimestamp(commitInfo),
  }));
  const columns = ['version', 'timestamp', 'fileModificationTime', 'operation', 'operationParameters', 'readVersion', 'isolationLevel', 'isBlindAppend', 'engineInfo'];
  writeRows(io.stdout, format, format === 'jsonl' ? [] : columns, rows);
  return 0;
}
