import { loadHistory } from '../../core/delta/history.ts';
import { flagInteger, flagString, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { formatOption, help, tablePositional } from '../commonOptions.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { tableStore } from '../tableArgs.ts';

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

async function runHistory(args: ParsedArgs, io: Io): Promise<number> {
  const store = tableStore(args);
  const format = toOutputFormat(flagString(args, 'format'), 'table');
  const entries = await loadHistory(store, '', { limit: flagInteger(args, 'limit') });
  // DESCRIBE HISTORY's timestamp is the commit's (in-commit timestamp or file time), not commitInfo's own clock.
  const rows = entries.map(({ version, timestamp, commitInfo }) => {
    const { timestamp: _ownClock, ...fields } = commitInfo ?? {};
    return { version, timestamp: new Date(timestamp).toISOString(), ...fields };
  });
  if (format === 'jsonl') {
    writeRows(io.stdout, format, [], rows);
  } else {
    const columns = ['version', 'timestamp', 'operation', 'operationParameters', 'readVersion', 'isolationLevel', 'isBlindAppend', 'engineInfo'];
    writeRows(io.stdout, format, columns, rows);
  }
  return 0;
}
